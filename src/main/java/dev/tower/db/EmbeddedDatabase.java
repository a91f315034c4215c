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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * Tower's default database: a PostgreSQL 17 started from the zonky binaries in the user's data folder.
 *
 * <p>It listens on loopback only and accepts SCRAM password logins only. zonky always runs initdb with
 * {@code -A trust}; we pass {@code --auth=scram-sha-256 --pwfile=...} after it (initdb takes the last
 * value), so there is never a moment when the cluster trusts anyone. The superuser password is generated
 * once per installation and kept in {@code embedded.properties}, readable by the user alone; the
 * binaries are unpacked inside the same private folder ({@link PrivateBinaries}), and everything there
 * is the user's alone ({@link PrivateFiles}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String SUPERUSER = "postgres";
    public static final String DATABASE = "postgres";
    /** The cluster's folder inside Tower's data folder. */
    public static final String DATA_DIRECTORY = "pg17";
    /** Where zonky unpacks the PostgreSQL binaries: inside Tower's private data folder, never /tmp. */
    public static final String BINARIES_DIRECTORY = "postgres-bin";

    /** Null when attached to a cluster another Tower process started: closing then stops nothing. */
    private final EmbeddedPostgres postgres;
    private final EmbeddedSettings settings;
    private final boolean freshCluster;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedSettings settings, boolean freshCluster, Path dataDir) {
        this.postgres = postgres;
        this.settings = settings;
        this.freshCluster = freshCluster;
        this.dataDir = dataDir;
    }

    /**
     * Starts (and on first use creates) the cluster under {@code home}; {@code port <= 0} keeps the saved
     * port or picks a free one. If another Tower process (the UI, {@code tower db start}) is already
     * running this cluster, attaches to it instead of failing: two windows can share one database.
     * Attaching first proves the server is this cluster (see {@link #proveOwnServer}); a stale
     * {@code postmaster.pid} whose server is gone is ignored, and a foreign program on the saved port
     * makes the cluster move to a free one.
     */
    public static EmbeddedDatabase start(Path home, int port) {
        try {
            PrivateFiles.directory(home);
            Path dataDir = home.resolve(DATA_DIRECTORY);
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (Files.exists(pidFile) && EmbeddedSettings.exists(home)) {
                var running = PostmasterPid.read(pidFile).filter(PostmasterPid::alive);
                if (running.isPresent() && answers(running.get().port())) {
                    EmbeddedSettings saved = EmbeddedSettings.loadOrCreate(home, running.get().port());
                    EmbeddedDatabase attached = new EmbeddedDatabase(null, saved, false, dataDir);
                    attached.proveOwnServer();
                    LOG.info("Embedded PostgreSQL already running on port {}; attaching", saved.port());
                    return attached;
                }
                LOG.info("{} is stale (its server is gone); starting the cluster", pidFile);
            }
            EmbeddedSettings settings = EmbeddedSettings.loadOrCreate(home, port);
            if (port <= 0 && answers(settings.port())) {
                // not our server (it left no live postmaster.pid): never talk to it, move elsewhere
                LOG.warn("Something else listens on port {}; the embedded database moves to a free port", settings.port());
                settings = EmbeddedSettings.loadOrCreate(home, EmbeddedSettings.freePort());
            }
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            Path pwFile = home.resolve(".initdb-pw");
            if (fresh) {
                PrivateFiles.directory(dataDir);
                PrivateFiles.write(pwFile, settings.superuserPassword());
            }
            try {
                EmbeddedPostgres pg = PrivateBinaries.builder(home.resolve(BINARIES_DIRECTORY))
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(settings.port())
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", pwFile.toString())
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // zonky passes -F (fsync off) for test speed; this is the user's real data, and a
                        // later -c wins over -F
                        .setServerConfig("fsync", "on")
                        // a staff member may ALTER ROLE their own login's PASSWORD directly, bypassing
                        // ops.change_own_password; passwordcheck refuses a weak plain-text one there (a
                        // SCRAM verifier cannot be checked, so Tower itself always sends verifiers)
                        // pg_stat_statements: the health screen's slowest statements (issue 14)
                        .setServerConfig("shared_preload_libraries", "passwordcheck,pg_stat_statements")
                        // zonky turns synchronous_commit off for test speed; this is the user's real data
                        .setServerConfig("synchronous_commit", "on")
                        .setConnectConfig("password", settings.superuserPassword())
                        .setRegisterShutdownHook(true)
                        .start();
                PrivateFiles.tighten(home);
                LOG.info("Embedded PostgreSQL ready on port {} (data in {})", settings.port(), dataDir);
                return new EmbeddedDatabase(pg, settings, fresh, dataDir);
            } finally {
                Files.deleteIfExists(pwFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded database in " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Proves the server on {@link #port()} is this cluster before anything else is sent to it: a SCRAM-only
     * superuser connection (a server asking for a plain password gets none, and SCRAM's final signature
     * shows the server holds this installation's verifier) whose data directory is ours.
     */
    void proveOwnServer() {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", settings.superuserPassword());
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "10");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDir.toRealPath())) {
                throw new DatabaseSetupException("Port " + port() + " is served by the database in " + served
                        + ", not by Tower's database in " + dataDir + ".", null);
            }
        } catch (SQLException | IOException e) {
            throw new DatabaseSetupException("Port " + port() + " answers, but not as Tower's embedded database in "
                    + dataDir + " (" + e.getMessage() + "); Tower sent it no password. Stop the program listening"
                    + " there, or delete " + dataDir.resolve("postmaster.pid") + " if no Tower is running.", e);
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

    /**
     * The URL Tower connects with: passwords go to this server over SCRAM only ({@link ScramOnlyPassword}),
     * so a program squatting on the port never receives one.
     */
    public String jdbcUrl() { return publicJdbcUrl() + "?" + ScramOnlyPassword.URL_PARAMETER; }

    /** The plain URL to show people for psql and BI tools (they have no Tower classes on their path). */
    public String publicJdbcUrl() { return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE; }

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
            PrivateFiles.write(file, out.toString());
            return new EmbeddedSettings(port, password);
        }

        static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                return socket.getLocalPort();
            }
        }
    }
}
