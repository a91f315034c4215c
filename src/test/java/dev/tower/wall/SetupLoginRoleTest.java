package dev.tower.wall;

import dev.tower.db.SetupLogin;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 1: planted owner code may run as tower_setup (migrations and demo generation log in as
 * it), which is safe only while tower_setup is a member of tower_owner with nothing more.
 */
class SetupLoginRoleTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void towerSetupIsAPlainMemberOfTheOwnerAndCannotLogInOutsideSetup() throws Exception {
        try (SetupLogin open = SetupLogin.open(db.superuser()); Connection setup = open.dataSource().getConnection()) {
            assertThat(SqlProbe.value(setup, "SELECT session_user")).isEqualTo("tower_setup");
        }
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(su, """
                    SELECT concat_ws(' ', rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin,
                                     rolpassword IS NULL)
                    FROM pg_authid WHERE rolname = 'tower_setup'""")).isEqualTo("f f f f f f t");
            assertThat(SqlProbe.column(su, """
                    SELECT roleid::regrole::text || CASE WHEN admin_option THEN ' with admin' ELSE '' END
                    FROM pg_auth_members WHERE member = 'tower_setup'::regrole ORDER BY 1"""))
                    // tower_payment_service: the demo settlement simulator SET ROLEs to it (V0__roles.sql, V70)
                    .containsExactly("tower_owner", "tower_payment_service");
            // nobody can become tower_setup: not a staff group, not an admin through tower_owner
            assertThat(SqlProbe.column(su, "SELECT member::regrole::text FROM pg_auth_members WHERE roleid = 'tower_setup'::regrole"))
                    .isEmpty();
        }
    }

    @Test
    void aSetupSessionOtherThanTheDemoLoadCannotEmptyOrRefillTheAuditLog() throws Exception {
        // migrations log in as tower_setup too, and code planted on an owner table runs in their session
        try (SetupLogin open = SetupLogin.open(db.superuser()); Connection setup = open.dataSource().getConnection()) {
            assertThat(SqlProbe.stateOf(setup, "SELECT tower_audit.reset_for_demo()")).isEqualTo("42501");
            assertThat(SqlProbe.messageOf(setup, "SELECT tower_audit.reset_for_demo()"))
                    .contains("Only the demo generator may reset the audit log");
            assertThat(SqlProbe.stateOf(setup, "SELECT tower_audit.import_history('{}')")).isEqualTo("42501");
            // naming a transaction is the superuser's alone
            assertThat(SqlProbe.stateOf(setup, "SELECT tower_audit.allow_demo_load(pg_current_xact_id())")).isEqualTo("42501");
        }
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.stateOf(admin, "SELECT tower_audit.allow_demo_load(pg_current_xact_id())")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(admin, "SELECT * FROM tower_audit.demo_load")).isEqualTo("42501");
        }
    }

    /**
     * What tower_setup holds beyond its membership, all for demo generation; listed so that anything
     * added is a decision. A planted trigger in a setup session can use these: date staff rows back,
     * skip triggers in its own session, VACUUM/ANALYZE/LOCK the audit log for the length of the setup
     * transaction, and call the two demo functions, which refuse any transaction but the demo load's.
     */
    @Test
    void towerSetupHoldsOnlyTheDemoGrantsBeyondItsMembership() throws Exception {
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(su, """
                    SELECT format('%s on %s', a.privilege_type, c.oid::regclass) FROM pg_class c, aclexplode(c.relacl) a
                    WHERE a.grantee = 'tower_setup'::regrole
                    UNION SELECT format('%s (%s) on %s', a.privilege_type, t.attname, t.attrelid::regclass)
                    FROM pg_attribute t, aclexplode(t.attacl) a WHERE a.grantee = 'tower_setup'::regrole
                    UNION SELECT format('EXECUTE on %s', p.oid::regprocedure) FROM pg_proc p, aclexplode(p.proacl) a
                    WHERE a.grantee = 'tower_setup'::regrole
                    UNION SELECT format('%s on parameter %s', a.privilege_type, p.parname)
                    FROM pg_parameter_acl p, aclexplode(p.paracl) a WHERE a.grantee = 'tower_setup'::regrole
                    ORDER BY 1""")).containsExactly(
                    "EXECUTE on tower_audit.import_history(tower_audit.history_entry[])",
                    "EXECUTE on tower_audit.reset_for_demo()",
                    "MAINTAIN on tower_audit.log",
                    "SELECT on staff_members",
                    "SELECT on tower_staff.staff_members",
                    "SET on parameter session_replication_role",
                    "UPDATE (created_at) on staff_members",
                    "UPDATE (created_at) on tower_staff.staff_members");
        }
    }
}
