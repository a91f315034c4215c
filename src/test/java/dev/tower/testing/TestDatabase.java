package dev.tower.testing;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.demo.DemoLogins;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoScale;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One real PostgreSQL per test JVM: a fresh embedded cluster, roles bootstrapped, migrated from empty,
 * demo logins created. Tests share it; each test that writes cleans up or uses its own rows.
 */
public final class TestDatabase {
    private static TestDatabase instance;
    private static RuntimeException startFailure;
    private static boolean demoDataLoaded;

    private final EmbeddedDatabase embedded;
    private final DataSource superuser;
    private Path home;

    private TestDatabase(EmbeddedDatabase embedded) {
        this.embedded = embedded;
        this.superuser = DataSources.simple(new ConnectionSettings(embedded.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                embedded.superuserPassword().toCharArray()));
    }

    public static synchronized TestDatabase get() {
        if (startFailure != null) {
            throw startFailure; // one failed start is enough; don't start a cluster per test class
        }
        if (instance == null) {
            NoSqlOnFxThread.install();
            try {
                Path root = Path.of(System.getProperty("tower.test.dataDir", "target/test-pg"));
                Files.createDirectories(root);
                Path home = Files.createTempDirectory(root, "run-");
                EmbeddedDatabase db = EmbeddedDatabase.start(home, 0);
                TestDatabase t = new TestDatabase(db);
                t.home = home;
                RoleBootstrap.ensureRoles(t.superuser);
                try (SetupLogin setup = SetupLogin.open(t.superuser)) {
                    new Migrator(setup.settings()).migrate();
                }
                RoleBootstrap.ensureStaffFunctions(t.superuser);
                DemoLogins.createMissing(t.superuser);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close));
                instance = t;
            } catch (Exception e) {
                startFailure = new IllegalStateException("Test database did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return instance;
    }

    /**
     * The shared database with the SMALL demo data loaded (once per JVM, a few seconds): a Detroit
     * marketplace with bookings in every state, documents to review, open disputes, refunds and threads.
     */
    public static synchronized TestDatabase withDemoData() {
        TestDatabase db = get();
        if (!demoDataLoaded) {
            new DemoDataGenerator(db.superuser()).generate(DemoScale.SMALL);
            demoDataLoaded = true;
        }
        return db;
    }

    public String jdbcUrl() { return embedded.jdbcUrl(); }

    public int port() { return embedded.port(); }

    public String superuserPassword() { return embedded.superuserPassword(); }

    /** The folder EmbeddedDatabase was started in (holds embedded.properties and the pg17 data dir). */
    public Path home() { return home; }

    /** The embedded superuser: for fixtures only, never for the behaviour under test. */
    public DataSource superuser() { return superuser; }

    public ConnectionSettings settings(String login, String password) {
        return new ConnectionSettings(jdbcUrl(), login, password.toCharArray());
    }

    /** A plain JDBC connection that bypasses the app entirely, as psql would. */
    public Connection connect(String login, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", login);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    public Connection connectAsDemo(String login) throws SQLException {
        return connect(login, DemoLogins.PASSWORD);
    }
}
