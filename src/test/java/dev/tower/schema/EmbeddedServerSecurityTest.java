package dev.tower.schema;

import dev.tower.db.EmbeddedDatabase;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The embedded server Tower starts by default: password logins only, loopback only, secrets private. */
class EmbeddedServerSecurityTest {
    private final TestDatabase db = TestDatabase.get();

    @ParameterizedTest(name = "{0} with a wrong password is refused (28P01)")
    @ValueSource(strings = {EmbeddedDatabase.SUPERUSER, "demo_admin", "demo_ops", "demo_analyst", "nobody_here"})
    void wrongPasswordIsRefused(String login) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> db.connect(login, "wrong-password").close());
        assertThat((Throwable) e).as("%s must not get in with a wrong password", login).isNotNull();
        assertThat(e.getSQLState()).isEqualTo("28P01");
    }

    @Test
    void emptyPasswordIsRefusedToo() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> db.connect(EmbeddedDatabase.SUPERUSER, "").close());
        assertThat((Throwable) e).isNotNull();
    }

    @Test
    void rightPasswordsGetIn() throws SQLException {
        try (Connection c = db.connectAsDemo("demo_ops")) {
            assertThat(c.isValid(2)).isTrue();
        }
        try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER, db.superuserPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void pgHbaHasNoTrustLine() throws Exception {
        Path dataDir = Path.of(show("data_directory"));
        Path hba = dataDir.resolve("pg_hba.conf");
        assertThat(hba).exists();
        List<String> rules = Files.readAllLines(hba).stream()
                .map(l -> l.replaceAll("#.*", "").trim())
                .filter(l -> !l.isEmpty())
                .toList();
        assertThat(rules).as("active pg_hba.conf lines").isNotEmpty()
                .noneMatch(l -> Arrays.asList(l.split("\\s+")).contains("trust"));
        // what the server actually loaded agrees: SCRAM (or reject) on every line, no line in error
        assertThat(strings("SELECT coalesce(auth_method, 'ERROR: ' || error) FROM pg_hba_file_rules"))
                .isNotEmpty()
                .allMatch(m -> m.equals("scram-sha-256") || m.equals("reject"));
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        String listen = show("listen_addresses");
        assertThat(listen.split("\\s*,\\s*")).isNotEmpty()
                .allMatch(a -> a.equals("localhost") || a.equals("127.0.0.1") || a.equals("::1"));
        assertThat(strings("SELECT host(inet_server_addr())")).allMatch(a -> a.equals("127.0.0.1") || a.equals("::1"));
    }

    @Test
    void passwordsAreStoredAsScram() throws Exception {
        assertThat(show("password_encryption")).isEqualTo("scram-sha-256");
        assertThat(strings("""
                SELECT rolname || ':' || coalesce(left(rolpassword, 14), 'none') FROM pg_authid
                WHERE rolname IN ('postgres', 'demo_admin', 'demo_ops', 'demo_analyst') ORDER BY rolname"""))
                .containsExactly("demo_admin:SCRAM-SHA-256$", "demo_analyst:SCRAM-SHA-256$",
                        "demo_ops:SCRAM-SHA-256$", "postgres:SCRAM-SHA-256$");
    }

    @Test
    void embeddedPropertiesAreReadableByTheOwnerOnly() throws Exception {
        Path home = db.home();
        assertThat(home).as("TestDatabase.home()").isNotNull().isDirectory();
        Path file = home.resolve("embedded.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        assertThat(props.getProperty("superuser.password")).as("it is the file holding the secret")
                .isEqualTo(db.superuserPassword());
        assertThat(home.resolve(".initdb-pw")).as("initdb's password file is gone").doesNotExist();
        Path dataDir = Path.of(show("data_directory"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    }

    private String show(String setting) throws SQLException {
        return strings("SHOW " + setting).getFirst();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
