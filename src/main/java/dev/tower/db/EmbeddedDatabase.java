package dev.tower.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Tower's default database: a PostgreSQL 17 started from the zonky binaries in the user's data folder.
 *
 * <p>It listens on loopback only and accepts SCRAM password logins only. zonky always runs initdb with
 * {@code -A trust}; we pass {@code --auth=scram-sha-256 --pwfile=...} after it (initdb takes the last
 * value), so there is never a moment when the cluster trusts anyone. The superuser password is generated
 * once per installation and kept in {@code embedded.properties}, readable by the user alone.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";

    /** Null when attached to a cluster another Tower process started: closing then stops nothing. */
    private final EmbeddedPostgres postgres;
    private final EmbeddedSettings settings;
    private final boolean freshCluster;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedSettings settings, boolean freshCluster) {
        this.postgres = postgres;
        this.settings = settings;
        this.freshCluster = freshCluster;
    }

    /**
     * Starts (and on first use creates) the cluster under {@code home}; {@code port <= 0} keeps the saved
     * port or picks a free one. If another Tower process (the UI, {@code tower db start}) is already
     * running this cluster, attaches to it instead of failing: two windows can share one database.
     */
    public static EmbeddedDatabase start(Path home, int port) {
        try {
            Files.createDirectories(home);
            Path dataDir = home.resolve("pg17");
            if (Files.exists(dataDir.resolve("postmaster.pid")) && EmbeddedSettings.exists(home)) {
                EmbeddedSettings running = EmbeddedSettings.loadOrCreate(home, 0);
                if (answers(running.port())) {
                    LOG.info("Embedded PostgreSQL already running on port {}; attaching", running.port());
                    return new EmbeddedDatabase(null, running, false);
                }
            }
            EmbeddedSettings settings = EmbeddedSettings.loadOrCreate(home, port);
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            Path pwFile = home.resolve(".initdb-pw");
            if (fresh) {
                Files.createDirectories(dataDir);
                writePrivate(pwFile, settings.superuserPassword());
            }
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(settings.port())
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwFile.toString())
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // zonky turns synchronous_commit off for test speed; this is the user's real data
                        .setServerConfig("synchronous_commit", "on")
                        .setConnectConfig("password", settings.superuserPassword())
                        .setRegisterShutdownHook(true)
                        .start();
                LOG.info("Embedded PostgreSQL ready on port {} (data in {})", settings.port(), dataDir);
                return new EmbeddedDatabase(pg, settings, fresh);
            } finally {
                Files.deleteIfExists(pwFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded database in " + home + ": " + e.getMessage(), e);
        }
    }

    private static boolean answers(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when another process owns the server; closing this handle leaves it running. */
    public boolean attached() { return postgres == null; }

    public int port() { return settings.port(); }

    public String superuserPassword() { return settings.superuserPassword(); }

    /** True when this start created the cluster (first run): the caller migrates and loads demo data. */
    public boolean freshCluster() { return freshCluster; }

    public String jdbcUrl() { return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE; }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** Port and superuser password of one installation, kept between runs. */
    record EmbeddedSettings(int port, String superuserPassword) {
        static boolean exists(Path home) {
            return Files.exists(home.resolve("embedded.properties"));
        }

        static EmbeddedSettings loadOrCreate(Path home, int requestedPort) throws IOException {
            Path file = home.resolve("embedded.properties");
            Properties props = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            String password = props.getProperty("superuser.password");
            if (password == null) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            int port = requestedPort > 0 ? requestedPort
                    : Integer.parseInt(props.getProperty("port", "0"));
            if (port <= 0) {
                port = freePort();
            }
            props.setProperty("port", Integer.toString(port));
            props.setProperty("superuser.password", password);
            var out = new java.io.StringWriter();
            props.store(out, "Tower embedded PostgreSQL - keep private");
            writePrivate(file, out.toString());
            return new EmbeddedSettings(port, password);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                return socket.getLocalPort();
            }
        }
    }
}
