package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PasswordUtil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guarded functions do what they say, audit it once with the real actor, and refuse bad input unchanged. */
class StaffAndSettingsFunctionsTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void adminManagesAStaffLoginEndToEnd() throws Exception {
        String login = "wall_test_ops";
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            long before = auditCount(admin);
            seen = before;
            call(admin, "SELECT ops.create_staff_login(?, ?, ?, ?)", login, "Wall Test", "tower_ops", verifier("first-pass"));
            assertThat(auditCount(admin)).isEqualTo(before + 1);
            assertLastAudit(admin, "create_staff_login", login);
            try (Connection created = db.connect(login, "first-pass")) {
                assertThat(SqlProbe.value(created, "SELECT pg_has_role(session_user, 'tower_ops', 'MEMBER')")).isEqualTo("t");
            }

            call(admin, "SELECT ops.change_staff_role(?, ?)", login, "tower_analyst");
            assertLastAudit(admin, "change_staff_role", login);
            try (Connection created = db.connect(login, "first-pass")) {
                assertThat(SqlProbe.value(created, "SELECT pg_has_role(session_user, 'tower_analyst', 'MEMBER')")).isEqualTo("t");
                assertThat(SqlProbe.value(created, "SELECT pg_has_role(session_user, 'tower_ops', 'MEMBER')")).isEqualTo("f");
            }

            call(admin, "SELECT ops.reset_staff_password(?, ?)", login, verifier("second-pass"));
            assertLastAudit(admin, "reset_staff_password", login);
            assertThat(SqlProbe.value(admin, "SELECT new_values::text FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                    .doesNotContain("second-pass").doesNotContain("SCRAM");
            assertThatThrownBy(() -> db.connect(login, "first-pass").close())
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");

            call(admin, "SELECT ops.set_staff_disabled(?, true)", login);
            assertLastAudit(admin, "disable_staff_login", login);
            assertThatThrownBy(() -> db.connect(login, "second-pass").close())
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
            call(admin, "SELECT ops.set_staff_disabled(?, false)", login);
            assertLastAudit(admin, "enable_staff_login", login);
            db.connect(login, "second-pass").close();
        }
    }

    @Test
    void refusesToLockOutTheLastAdminOrYourself() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            long before = auditCount(admin);
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.set_staff_disabled('demo_admin', true)"))
                    .contains("staff.cannot_disable_self");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.change_staff_role('demo_admin', 'tower_ops')"))
                    .contains("staff.cannot_change_own_role");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.create_staff_login('demo_ops', 'Again', 'tower_ops', '"
                    + verifier("x") + "')")).contains("staff.login_taken");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.create_staff_login('tower_owner', 'Sneaky', 'tower_ops', '"
                    + verifier("x") + "')")).contains("staff.reserved_login");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.create_staff_login('plain_pw', 'Clear', 'tower_ops', 'hunter2')"))
                    .contains("staff.bad_password");
            assertThat(auditCount(admin)).isEqualTo(before);
            assertThat(SqlProbe.value(admin, "SELECT pg_has_role('demo_admin', 'tower_admin', 'MEMBER')")).isEqualTo("t");
            assertThat(SqlProbe.value(admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'plain_pw'")).isEqualTo("0");
        }
    }

    @Test
    void neverLeavesTheConsoleWithoutAnActiveAdmin() throws Exception {
        // Only a caller outside the admin group can reach this (the self checks stop an admin first),
        // so it runs as the superuser in a transaction that is rolled back.
        try (Connection root = db.superuser().getConnection()) {
            root.setAutoCommit(false);
            try {
                call(root, "UPDATE staff_members SET disabled = true WHERE role_group = 'tower_admin' AND login <> 'demo_admin'");
                assertThat(SqlProbe.messageOf(root, "SELECT ops.change_staff_role('demo_admin', 'tower_ops')"))
                        .contains("staff.last_admin");
            } finally {
                root.rollback();
            }
        }
    }

    @Test
    void settingsAreTypedAuditedAndUnchangedOnBadInput() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            String original = SqlProbe.value(admin, "SELECT config_value::text FROM system_config WHERE config_key = 'dispute.sla_hours'");
            long before = auditCount(admin);
            seen = before;
            call(admin, "SELECT ops.set_system_setting(?, ?)", "dispute.sla_hours", "72");
            assertThat(SqlProbe.value(admin, "SELECT config_value::text FROM system_config WHERE config_key = 'dispute.sla_hours'"))
                    .isEqualTo("72");
            assertLastAudit(admin, "set_system_setting", "dispute.sla_hours");
            assertThat(auditCount(admin)).isEqualTo(before + 1);

            for (String bad : new String[] {"0", "721", "-5", "3.5", "", "72; DROP TABLE bookings"}) {
                assertThat(SqlProbe.stateOf(admin, "SELECT ops.set_system_setting('dispute.sla_hours', '" + bad.replace("'", "''") + "')"))
                        .as("value %s", bad).isEqualTo("P0001");
            }
            assertThat(auditCount(admin)).isEqualTo(before + 1);

            call(admin, "SELECT ops.set_system_setting(?, ?)", "refund.second_approval_above", "350.5");
            assertThat(SqlProbe.value(admin, "SELECT config_value #>> '{}' FROM system_config WHERE config_key = 'refund.second_approval_above'"))
                    .isEqualTo("350.50");
            call(admin, "SELECT ops.set_system_setting(?, ?)", "refund.second_approval_above", "200.00");
            call(admin, "SELECT ops.set_system_setting(?, ?)", "dispute.sla_hours", original);
        }
    }

    static String verifier(String password) {
        return PasswordUtil.encodeScramSha256(password.toCharArray());
    }

    private static void call(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            p.execute();
        }
    }

    private static long auditCount(Connection c) throws SQLException {
        return Long.parseLong(SqlProbe.value(c, "SELECT count(*) FROM audit_logs"));
    }

    /** Exactly one new audit row since the previous check, naming this action, record and the real login. */
    private long seen = -1;

    private void assertLastAudit(Connection c, String action, String record) throws SQLException {
        long now = auditCount(c);
        if (seen >= 0) {
            assertThat(now).as("audit rows written by %s", action).isEqualTo(seen + 1);
        }
        seen = now;
        assertThat(SqlProbe.value(c, "SELECT action_name || '|' || record_id || '|' || actor_login FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                .isEqualTo(action + "|" + record + "|demo_admin");
    }
}
