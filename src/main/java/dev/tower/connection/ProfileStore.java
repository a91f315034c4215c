package dev.tower.connection;

import dev.tower.db.PrivateFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Saved connection profiles in one properties file (mode 600, in Tower's folder). It holds no password:
 * there is no field for one. A password is asked for each time, or kept in the desktop keyring ({@link Keyring}).
 */
public final class ProfileStore {
    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public List<ConnectionProfile> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the connection profiles in " + file, e);
        }
        List<ConnectionProfile> out = new ArrayList<>();
        for (int i = 0; p.containsKey(i + ".name"); i++) {
            String k = i + ".";
            out.add(new ConnectionProfile(p.getProperty(k + "name"), p.getProperty(k + "host"),
                    Integer.parseInt(p.getProperty(k + "port", "5432")), p.getProperty(k + "database"),
                    p.getProperty(k + "login"), ConnectionProfile.TlsMode.valueOf(p.getProperty(k + "tls", "VERIFY_FULL")),
                    p.getProperty(k + "caCertificate", ""), p.getProperty(k + "readReplicaHost", "")));
        }
        return List.copyOf(out);
    }

    public void save(List<ConnectionProfile> profiles) {
        Properties p = new Properties();
        for (int i = 0; i < profiles.size(); i++) {
            ConnectionProfile c = profiles.get(i);
            String k = i + ".";
            p.setProperty(k + "name", c.name());
            p.setProperty(k + "host", c.host());
            p.setProperty(k + "port", String.valueOf(c.port()));
            p.setProperty(k + "database", c.database());
            p.setProperty(k + "login", c.login());
            p.setProperty(k + "tls", c.tls().name());
            p.setProperty(k + "caCertificate", c.caCertificate());
            p.setProperty(k + "readReplicaHost", c.readReplicaHost());
        }
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Tower connection profiles. No passwords: Tower asks, or uses the desktop keyring.");
            PrivateFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the connection profiles to " + file, e);
        }
    }
}
