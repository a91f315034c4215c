package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log is append-only for everyone on staff, and any edit is found by the chain check. */
class AuditChainTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void staffCannotChangeOrDeleteAuditRowsEvenAsTheOwner() throws Exception {
        writeOneAuditedChange();
        for (String login : new String[] {"demo_admin", "demo_ops", "demo_analyst"}) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "UPDATE audit_logs SET actor_login = 'someone_else'")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "DELETE FROM audit_logs")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "INSERT INTO audit_logs (table_name, record_id, action, seq) VALUES ('x','x','INSERT',0)"))
                        .as(login).isEqualTo("42501");
            }
        }
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            // the owner no longer owns the log: it cannot disable a trigger, edit, delete or re-chain
            s.execute("SET ROLE tower_owner");
            for (String sql : new String[] {"UPDATE audit_logs SET actor_login = 'someone_else'", "DELETE FROM audit_logs",
                    "TRUNCATE audit_logs", "UPDATE tower_audit.log SET actor_login = 'x'", "TRUNCATE tower_audit.log",
                    "ALTER TABLE tower_audit.log DISABLE TRIGGER ALL", "UPDATE tower_audit.head SET seq = 0",
                    "SELECT * FROM tower_audit.head FOR UPDATE", "DROP VIEW public.audit_logs"}) {
                assertThat(SqlProbe.stateOf(admin, sql)).as(sql).isIn("42501", "42809");
            }
        }
    }

    @Test
    void chainCheckFindsTheFirstTamperedRow() throws Exception {
        writeOneAuditedChange();
        writeOneAuditedChange();
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(admin, "SELECT coalesce(first_broken_seq::text, 'intact') FROM ops.verify_audit_chain()"))
                    .isEqualTo("intact");
        }
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            String victim = SqlProbe.value(su, "SELECT max(seq) - 1 FROM audit_logs");
            String original = SqlProbe.value(su, "SELECT new_values::text FROM audit_logs WHERE seq = " + victim);
            // what an intruder with the server's superuser password could do: bypass the triggers
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE audit_logs SET new_values = '{\"config_value\": 1}' WHERE seq = " + victim);
            try (Connection admin = db.connectAsDemo("demo_admin")) {
                assertThat(SqlProbe.value(admin, "SELECT first_broken_seq FROM ops.verify_audit_chain()")).isEqualTo(victim);
                assertThat(SqlProbe.value(admin, "SELECT problem FROM ops.verify_audit_chain()"))
                        .isEqualTo("Audit entry #" + victim + " was changed after it was written.");
            }
            s.execute("UPDATE audit_logs SET new_values = '" + original + "' WHERE seq = " + victim);
            s.execute("SET session_replication_role = origin");
        }
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(admin, "SELECT coalesce(first_broken_seq::text, 'intact') FROM ops.verify_audit_chain()"))
                    .isEqualTo("intact");
        }
    }

    @Test
    void actorIsTheRealLoginWhateverTheSessionClaims() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SET request.jwt.claims = '{\"sub\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"service_role\"}'");
            s.execute("SET app.actor = 'demo_ops'");
            s.execute("SELECT ops.set_system_setting('dispute.sla_hours', '47')");
            s.execute("SELECT ops.set_system_setting('dispute.sla_hours', '48')");
            assertThat(SqlProbe.value(admin, "SELECT actor_login FROM audit_logs ORDER BY seq DESC LIMIT 1")).isEqualTo("demo_admin");
        }
    }

    private void writeOneAuditedChange() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '13')");
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '12.5')");
        }
    }
}
