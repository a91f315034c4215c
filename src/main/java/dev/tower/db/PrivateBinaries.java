package dev.tower.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Makes zonky unpack PostgreSQL inside Tower's private data folder instead of {@code /tmp/embedded-pg}.
 *
 * <p>zonky unpacks into a shared, world-writable folder and reuses whatever it finds there once a marker
 * file exists, so any local user could plant the binaries Tower runs. Under the data folder (700) nobody
 * else can reach them. zonky reads its working folder (where it also sweeps old data folders) from the
 * {@code ot.epg.working-dir} property when the builder is made, and caches unpacked binaries per resolver,
 * so each folder gets its own resolver value: two data folders in one JVM never share binaries.
 */
record PrivateBinaries(Path directory) implements PgBinaryResolver {
    private static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }

    /** A zonky builder whose working folder and unpacked binaries are both in {@code directory} (made 700). */
    static synchronized EmbeddedPostgres.Builder builder(Path directory) throws IOException {
        PrivateFiles.directory(directory);
        String previous = System.getProperty(WORKING_DIR_PROPERTY);
        System.setProperty(WORKING_DIR_PROPERTY, directory.toString());
        try {
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.toFile())
                    .setPgBinaryResolver(new PrivateBinaries(directory.toAbsolutePath().normalize()));
        } finally {
            if (previous == null) {
                System.clearProperty(WORKING_DIR_PROPERTY);
            } else {
                System.setProperty(WORKING_DIR_PROPERTY, previous);
            }
        }
    }
}
