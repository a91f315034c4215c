package dev.tower.signin;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.demo.DemoLogins;
import dev.tower.error.AccessDeniedException;
import dev.tower.error.ConnectionLostException;
import dev.tower.error.ErrorText;
import dev.tower.error.SignInRefusedException;
import dev.tower.error.SignInRefusedException.Reason;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.PermissionMatrix;
import dev.tower.security.Role;
import dev.tower.security.Session;
import dev.tower.testing.TestDatabase;
import org.postgresql.util.PasswordUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in against the real embedded PostgreSQL: roles come from the database's group membership. */
class SignInServiceTest {
    /** Password "pw" as a SCRAM verifier: the server's passwordcheck refuses it in plain text. */
    private static final String PW_VERIFIER = PasswordUtil.encodeScramSha256("pw".toCharArray());
    private static TestDatabase db;
    private final SignInService service = new SignInService();

    @BeforeAll
    static void startDatabase() throws SQLException {
        db = TestDatabase.get();
        superuser("DROP ROLE IF EXISTS signin_nogroup, signin_disabled, signin_flagged, signin_unlisted");
        superuser("CREATE ROLE signin_nogroup LOGIN PASSWORD '" + PW_VERIFIER + "'");
        superuser("CREATE ROLE signin_disabled LOGIN PASSWORD '" + PW_VERIFIER + "' IN ROLE tower_ops");
        superuser("ALTER ROLE signin_disabled NOLOGIN");
        superuser("CREATE ROLE signin_flagged LOGIN PASSWORD '" + PW_VERIFIER + "' IN ROLE tower_ops");
        superuser("INSERT INTO public.staff_members (login, display_name, role_group, disabled) "
                + "VALUES ('signin_flagged', 'Flagged Person', 'tower_ops', true) ON CONFLICT (login) DO NOTHING");
        superuser("CREATE ROLE signin_unlisted LOGIN PASSWORD '" + PW_VERIFIER + "' IN ROLE tower_analyst");
    }

    private static void superuser(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Session signIn(String login, String password) {
        return service.signIn(new SignInRequest(db.jdbcUrl(), login, password.toCharArray(), true));
    }

    private static Role roleOfGroup(String group) {
        return Role.ofGroupRole(group).orElseThrow();
    }

    @Test
    void eachDemoLoginGetsItsRoleAndDisplayName() {
        for (DemoLogins.DemoLogin demo : DemoLogins.ALL) {
            try (Session session = signIn(demo.login(), DemoLogins.PASSWORD)) {
                assertThat(session.login()).isEqualTo(demo.login());
                assertThat(session.role()).as(demo.login()).isEqualTo(roleOfGroup(demo.group()));
                assertThat(session.displayName()).isEqualTo(demo.displayName());
                assertThat(session.databaseLabel()).isEqualTo(DatabaseAddress.EMBEDDED_LABEL);
                String who = session.jdbi().withHandle(h -> h.createQuery("SELECT session_user").mapTo(String.class).one());
                assertThat(who).as("the session connects with the staff member's own login").isEqualTo(demo.login());
            }
        }
    }

    @Test
    void adminWinsOverOpsOverAnalyst() throws SQLException {
        superuser("DROP ROLE IF EXISTS signin_both");
        superuser("CREATE ROLE signin_both LOGIN PASSWORD '" + PW_VERIFIER + "' IN ROLE tower_analyst, tower_ops");
        try (Session session = signIn("signin_both", "pw")) {
            assertThat(session.role()).isEqualTo(Role.OPS);
        }
        superuser("GRANT tower_admin TO signin_both");
        try (Session session = signIn("signin_both", "pw")) {
            assertThat(session.role()).isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void aLoginWithoutAStaffRowIsShownByItsLogin() {
        try (Session session = signIn("signin_unlisted", "pw")) {
            assertThat(session.role()).isEqualTo(Role.ANALYST);
            assertThat(session.displayName()).isEqualTo("signin_unlisted");
        }
    }

    @Test
    void wrongPasswordAndUnknownLoginAreTheSameBadLogin() {
        for (String login : new String[] {"demo_ops", "nobody_here"}) {
            assertThatThrownBy(() -> signIn(login, "wrong"))
                    .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_LOGIN_OR_PASSWORD);
                        assertThat(ErrorText.describe(e).text()).isEqualTo("Wrong login or password.");
                    });
        }
    }

    @Test
    void closedPortIsAnUnreachableDatabaseNamingHostAndPort() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/postgres";
        Instant start = Instant.now();
        assertThatThrownBy(() -> service.signIn(new SignInRequest(url, "demo_ops", "demo".toCharArray(), false)))
                .isInstanceOfSatisfying(ConnectionLostException.class, e -> {
                    assertThat(e.target()).isEqualTo("localhost:" + closedPort);
                    assertThat(ErrorText.describe(e).text()).contains("localhost:" + closedPort);
                });
        assertThat(Duration.between(start, Instant.now())).as("fails fast").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aLoginInNoTowerGroupHasAnUnknownRoleAndItsPoolIsClosed() throws Exception {
        assertThatThrownBy(() -> signIn("signin_nogroup", "pw"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ROLE);
                    assertThat(ErrorText.describe(e).text()).contains("signin_nogroup", "no Tower role");
                });
        assertThat(connectionsOf("signin_nogroup")).as("connections left open by the failed sign-in").isZero();
    }

    @Test
    void disabledLoginsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> signIn("signin_disabled", "pw"))
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOGIN_DISABLED));
        assertThatThrownBy(() -> signIn("signin_flagged", "pw"))
                .as("staff_members.disabled")
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        e -> assertThat(ErrorText.describe(e).text()).contains("disabled"));
    }

    @Test
    void superusersAreRefusedBecauseTheyBypassTheWall() {
        assertThatThrownBy(() -> signIn("postgres", db.superuserPassword()))
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SUPERUSER));
    }

    @Test
    void aLoginWhoseSessionsStartAsAnotherRoleIsRefused() throws SQLException {
        // what an analyst could do to themself to make Tower mislabel their rights
        superuser("DROP ROLE IF EXISTS signin_rolehop");
        superuser("CREATE ROLE signin_rolehop LOGIN PASSWORD '" + PW_VERIFIER + "' IN ROLE tower_ops, tower_analyst");
        superuser("ALTER ROLE signin_rolehop SET role = 'tower_ops'");
        assertThatThrownBy(() -> signIn("signin_rolehop", "pw"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DEFAULT_ROLE_CHANGED);
                    assertThat(ErrorText.describe(e).text()).contains("start as another database role");
                });
        superuser("DROP ROLE signin_rolehop");
    }

    @Test
    void badAddressesAndMissingLoginsAreValidationErrors() {
        assertThatThrownBy(() -> service.signIn(new SignInRequest("mysql://x/y", "demo_ops", "demo".toCharArray(), false)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> signIn(" ", "demo"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.code()).isEqualTo("login_missing"));
    }

    @Test
    void closingTheSessionClosesItsPool() {
        Session session = signIn("demo_analyst", DemoLogins.PASSWORD);
        session.close();
        assertThat(((HikariDataSource) session.dataSource()).isClosed()).isTrue();
    }

    /** The check services start with, on real sessions: it refuses exactly what the matrix does not grant. */
    @ParameterizedTest
    @EnumSource(Role.class)
    void serviceLevelCheckRefusesWhatTheRoleDoesNotHold(Role role) {
        String login = DemoLogins.ALL.stream().filter(d -> roleOfGroup(d.group()) == role).findFirst().orElseThrow().login();
        try (Session session = signIn(login, DemoLogins.PASSWORD)) {
            for (Permission p : Permission.values()) {
                if (PermissionMatrix.allows(role, p)) {
                    assertThatCode(() -> AccessGuard.require(session, p)).as(role + " " + p).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> AccessGuard.require(session, p)).as(role + " " + p)
                            .isInstanceOf(AccessDeniedException.class)
                            .hasMessageContaining(p.description());
                }
            }
        }
    }

    private static int connectionsOf(String login) throws Exception {
        Instant deadline = Instant.now().plusSeconds(3);
        while (true) {
            int count;
            try (Connection c = db.superuser().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + login + "'")) {
                rs.next();
                count = rs.getInt(1);
            }
            if (count == 0 || Instant.now().isAfter(deadline)) {
                return count;
            }
            Thread.sleep(100); // a closed backend leaves pg_stat_activity a moment after the socket closes
        }
    }
}
