package dev.tower.wall;

import dev.tower.staff.ReservedLogins;
import dev.tower.staff.StaffRules;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.tower.wall.PlantedOwnerCodeTest.call;
import static dev.tower.wall.StaffAndSettingsFunctionsTest.verifier;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6 items 5, 6 and 7, attacked through plain JDBC. */
class StaffWallTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneActiveAdmin() throws Exception {
        String pw = "race-pass-123";
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            for (String login : new String[] {"race_admin_a", "race_admin_b"}) {
                call(admin, "SELECT ops.create_staff_login(?, ?, ?, ?)", login, "Race", "tower_admin", verifier(pw));
            }
        }
        List<String> otherAdmins = new ArrayList<>();
        try (Connection su = db.superuser().getConnection()) {
            otherAdmins.addAll(SqlProbe.column(su, """
                    SELECT login FROM tower_staff.staff_members
                    WHERE role_group = 'tower_admin' AND NOT disabled AND login NOT IN ('race_admin_a', 'race_admin_b')"""));
            try (Statement s = su.createStatement()) {
                // take the others out of the picture so the two racers are the last two admins
                for (String other : otherAdmins) {
                    s.execute("UPDATE tower_staff.staff_members SET disabled = true WHERE login = '" + other + "'");
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                try (Connection a = db.connect("race_admin_a", pw); Connection b = db.connect("race_admin_b", pw)) {
                    CyclicBarrier barrier = new CyclicBarrier(2);
                    Future<String> ab = pool.submit(() -> disableAfter(barrier, a, "race_admin_b"));
                    Future<String> ba = pool.submit(() -> disableAfter(barrier, b, "race_admin_a"));
                    List<String> outcomes = List.of(ab.get(60, TimeUnit.SECONDS), ba.get(60, TimeUnit.SECONDS));
                    assertThat(outcomes).as("round %s", round).containsExactlyInAnyOrder("ok", "staff.last_admin");
                }
                try (Connection su = db.superuser().getConnection()) {
                    assertThat(SqlProbe.value(su, """
                            SELECT count(*) FROM tower_staff.staff_members
                            WHERE role_group = 'tower_admin' AND NOT disabled""")).isEqualTo("1");
                    String survivor = SqlProbe.value(su, """
                            SELECT login FROM tower_staff.staff_members
                            WHERE login IN ('race_admin_a', 'race_admin_b') AND NOT disabled""");
                    try (Connection s = db.connect(survivor, pw)) {
                        call(s, "SELECT ops.set_staff_disabled(?, false)", survivor.endsWith("a") ? "race_admin_b" : "race_admin_a");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                for (String other : otherAdmins) {
                    s.execute("UPDATE tower_staff.staff_members SET disabled = false WHERE login = '" + other + "'");
                }
            }
        }
    }

    private static String disableAfter(CyclicBarrier barrier, Connection c, String target) throws Exception {
        barrier.await(30, TimeUnit.SECONDS);
        try {
            call(c, "SELECT ops.set_staff_disabled(?, true)", target);
            return "ok";
        } catch (SQLException e) {
            return e.getMessage().contains("staff.last_admin") ? "staff.last_admin" : e.getMessage();
        }
    }

    @Test
    void aFreshlyCreatedLoginHasTheLimitsInForce() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            call(admin, "SELECT ops.create_staff_login(?, ?, ?, ?)", "fresh_limits", "Fresh", "tower_analyst", verifier("fresh-pass-123"));
        }
        try (Connection fresh = db.connect("fresh_limits", "fresh-pass-123")) {
            assertThat(SqlProbe.value(fresh, "SHOW statement_timeout")).isEqualTo("1min");
            assertThat(SqlProbe.value(fresh, "SHOW lock_timeout")).isEqualTo("10s");
            assertThat(SqlProbe.value(fresh, "SHOW idle_in_transaction_session_timeout")).isEqualTo("5min");
            assertThat(SqlProbe.value(fresh, "SHOW temp_file_limit")).isEqualTo("1GB");
            assertThat(SqlProbe.value(fresh, "SELECT rolconnlimit FROM pg_roles WHERE rolname = session_user")).isEqualTo("10");
        }
        // the demo logins too (database-level settings)
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(ops, "SHOW statement_timeout")).isEqualTo("1min");
            assertThat(SqlProbe.value(ops, "SHOW idle_in_transaction_session_timeout")).isEqualTo("5min");
        }
    }

    @Test
    void aReadOnlyLoginCannotStoreLargeObjects() throws Exception {
        for (String login : new String[] {"demo_analyst", "demo_ops", "demo_admin"}) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "SELECT lo_from_bytea(0, 'x')")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT lo_create(0)")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT lo_creat(-1)")).as(login).isEqualTo("42501");
            }
        }
    }

    @Test
    void reservedNamesAndWeakVerifiersAreRefusedWithShortEchoes() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            for (String name : new String[] {"all", "public", "current_user", "session_user", "pg_x", "postgres", "anon",
                    "authenticated", "service_role", "tower_x"}) {
                assertThat(SqlProbe.messageOf(admin, "SELECT ops.create_staff_login('" + name + "', 'X', 'tower_ops', '"
                        + verifier("long-enough-1") + "')")).as(name).contains("staff.reserved_login");
                assertThat(StaffRules.loginProblem(name)).as(name).isPresent();
            }
            String weak = verifier("long-enough-1").replaceFirst("^SCRAM-SHA-256\\$4096:", "SCRAM-SHA-256\\$1000:");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.create_staff_login('weak_verifier', 'X', 'tower_ops', '" + weak + "')"))
                    .contains("staff.weak_verifier").doesNotContain(weak).doesNotContain("SCRAM");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.reset_staff_password('demo_ops', '" + weak + "')"))
                    .contains("staff.weak_verifier");
            String longName = "x" + "a".repeat(60);
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.change_staff_role('" + longName + "', 'tower_ops')"))
                    .contains("staff.unknown_login").doesNotContain(longName).contains(longName.substring(0, 20) + "...");
            assertThat(SqlProbe.value(admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'weak_verifier'")).isEqualTo("0");
        }
    }

    @Test
    void javaAndDatabaseShareOneReservedList() throws Exception {
        try (Connection c = db.connectAsDemo("demo_ops")) {
            List<String> inDb = SqlProbe.column(c,
                    "SELECT name || CASE WHEN is_prefix THEN '*' ELSE '' END FROM tower_staff.reserved_logins ORDER BY 1");
            assertThat(ReservedLogins.ENTRIES).containsExactlyInAnyOrderElementsOf(inDb);
        }
    }

    @Test
    void aStaffMemberChangesTheirOwnPasswordOnlyThroughTowersRules() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            call(admin, "SELECT ops.create_staff_login(?, ?, ?, ?)", "own_pass", "Own", "tower_ops", verifier("own-pass-first"));
        }
        try (Connection self = db.connect("own_pass", "own-pass-first")) {
            String weak = verifier("own-pass-weak").replaceFirst("^SCRAM-SHA-256\\$4096:", "SCRAM-SHA-256\\$10:");
            assertThat(SqlProbe.messageOf(self, "SELECT ops.change_own_password('" + weak + "')")).contains("staff.weak_verifier");
            assertThat(SqlProbe.messageOf(self, "SELECT ops.change_own_password('plain text')")).contains("staff.bad_password");
            call(self, "SELECT ops.change_own_password(?)", verifier("own-pass-second"));
        }
        try (Connection self = db.connect("own_pass", "own-pass-second")) {
            assertThat(SqlProbe.value(self, "SELECT session_user")).isEqualTo("own_pass");
        }
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(admin, "SELECT action_name || ' ' || actor_login || ' ' || new_values::text "
                    + "FROM audit_logs ORDER BY seq DESC LIMIT 1")).isEqualTo("change_own_password own_pass {\"password\": \"changed\"}");
        }
    }
}
