package dev.tower.setup;

import dev.tower.db.EmbeddedDatabase;
import dev.tower.demo.DemoLogins;
import dev.tower.testing.FakePostgresServer;
import org.postgresql.util.PasswordUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6 item 3 across real restarts of one embedded installation: the start-up path keeps what an admin
 * decided about the demo logins, and a stale {@code postmaster.pid} left by a dead server, with some other
 * program now on its port, makes the cluster move to a free port without talking to that program.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedRestartTest {
    @TempDir
    static Path tmp;
    private static Path home;
    private static EmbeddedStartup.Ready running;

    @BeforeAll
    static void firstStart() {
        home = tmp.resolve("tower");
        running = EmbeddedStartup.start(home, 0, false);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.database().close();
        }
    }

    @Test
    @Order(1)
    void aRestartKeepsADisabledDemoLoginDisabledAndChangedPasswordsAndRolesChanged() throws Exception {
        // what an admin did meanwhile (as the fixture superuser: the staff functions' shape is not under test)
        superuser(s -> {
            s.execute("ALTER ROLE demo_ops NOLOGIN");
            s.execute("ALTER ROLE demo_analyst PASSWORD '"
                    + PasswordUtil.encodeScramSha256("changed-by-an-admin".toCharArray()) + "'");
            s.execute("SET ROLE tower_security");
            s.execute("REVOKE tower_analyst FROM demo_analyst");
            s.execute("GRANT tower_ops TO demo_analyst");
            s.execute("RESET ROLE");
        });
        String analystVerifier = query("SELECT rolpassword FROM pg_authid WHERE rolname = 'demo_analyst'");

        running.database().close();
        running = EmbeddedStartup.start(home, 0, false);
        assertThat(running.database().attached()).isFalse();
        assertThat(running.database().freshCluster()).isFalse();

        assertThat(query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'demo_ops'")).isEqualTo("f");
        assertThatThrownBy(() -> connect("demo_ops", DemoLogins.PASSWORD).close()).isInstanceOf(SQLException.class);

        assertThat(query("SELECT rolpassword FROM pg_authid WHERE rolname = 'demo_analyst'")).isEqualTo(analystVerifier);
        assertThatThrownBy(() -> connect("demo_analyst", DemoLogins.PASSWORD).close()).isInstanceOf(SQLException.class);
        assertThat(query("SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m"
                + " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member"
                + " WHERE u.rolname = 'demo_analyst'")).isEqualTo("tower_ops");

        // the untouched demo admin still works as created
        try (Connection admin = connect("demo_admin", DemoLogins.PASSWORD)) {
            assertThat(admin.isValid(2)).isTrue();
        }
    }

    @Test
    @Order(2)
    void aDeadServersPidFileWithAProgramOnItsPortMovesTheClusterAndTellsThatProgramNothing() throws Exception {
        String password = running.database().superuserPassword();
        running.database().close();
        running = null;
        try (FakePostgresServer squatter = FakePostgresServer.start(FakePostgresServer.CLEARTEXT)) {
            savePort(squatter.port());
            Path dataDir = home.resolve(EmbeddedDatabase.DATA_DIRECTORY);
            Files.write(dataDir.resolve("postmaster.pid"), List.of(Long.toString(deadPid()), dataDir.toString(),
                    "1764670000", Integer.toString(squatter.port()), "/tmp", "localhost", "  1234567   7", "ready   "));

            running = EmbeddedStartup.start(home, 0, false);

            assertThat(running.database().attached()).isFalse();
            assertThat(running.database().port()).isNotEqualTo(squatter.port());
            assertThat(squatter.authRequests()).isZero();
            assertThat(squatter.received()).doesNotContain(password);
            assertThat(query("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'demo\\_%'")).isEqualTo("3");
        }
    }

    private static void savePort(int port) throws Exception {
        Path file = home.resolve("embedded.properties");
        Properties props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        props.setProperty("port", Integer.toString(port));
        try (var out = Files.newOutputStream(file)) {
            props.store(out, null);
        }
    }

    private static long deadPid() {
        for (long pid = 4_000_000; ; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }

    private interface SqlWork {
        void run(Statement s) throws SQLException;
    }

    private static void superuser(SqlWork work) throws SQLException {
        try (Connection c = superuserSource().getConnection(); Statement s = c.createStatement()) {
            work.run(s);
        }
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = superuserSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static DataSource superuserSource() {
        return running.superuser();
    }

    private static Connection connect(String login, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", login);
        p.setProperty("password", password);
        return DriverManager.getConnection(running.database().jdbcUrl(), p);
    }
}
