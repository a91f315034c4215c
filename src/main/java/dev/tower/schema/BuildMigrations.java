package dev.tower.schema;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations this build ships (the {@code V<n>__*.sql} files under {@code db/migration}),
 * read from the class path without Flyway: the on-connect check runs at every sign-in and must stay cheap.
 */
public final class BuildMigrations {
    private static final String FOLDER = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9_.]*)__.+\\.sql$");
    private static volatile List<MigrationVersion> cached;

    private BuildMigrations() {}

    /** Every version, lowest first. */
    public static List<MigrationVersion> versions() {
        List<MigrationVersion> v = cached;
        if (v == null) {
            v = scan();
            cached = v;
        }
        return v;
    }

    public static MigrationVersion latest() {
        List<MigrationVersion> v = versions();
        return v.isEmpty() ? MigrationVersion.EMPTY : v.getLast();
    }

    private static List<MigrationVersion> scan() {
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(BuildMigrations.class.getClassLoader().getResources(FOLDER))) {
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection jar = (JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().map(e -> e.getName()).filter(n -> n.startsWith(FOLDER + "/"))
                                .map(n -> n.substring(FOLDER.length() + 1)).forEach(names::add);
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).forEach(names::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list this build's migrations: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not list this build's migrations", e);
        }
        List<MigrationVersion> versions = new ArrayList<>();
        for (String name : names) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                versions.add(MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
            }
        }
        Collections.sort(versions);
        return List.copyOf(versions);
    }
}
