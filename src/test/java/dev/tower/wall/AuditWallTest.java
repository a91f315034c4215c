package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6 item 2: the audit log cannot be rewritten, even by the owner, and appends cannot be blocked. */
class AuditWallTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void rewrittenAndRechainedLogIsCaughtAgainstAnExportedCheckpoint() throws Exception {
        audit();
        audit();
        String seq, hash;
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            seq = SqlProbe.value(admin, "SELECT seq FROM tower_audit.checkpoint()");
            hash = SqlProbe.value(admin, "SELECT head_hash FROM tower_audit.checkpoint()");
            assertThat(verify(admin, "0, NULL, " + seq + ", '" + hash + "'")).isEqualTo("intact");
        }
        audit();
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            // incremental: only the rows after the checkpoint are walked
            assertThat(SqlProbe.value(admin, "SELECT rows_checked FROM tower_audit.verify(" + seq + ", '" + hash + "')"))
                    .isEqualTo("2");
            assertThat(verify(admin, seq + ", '" + hash + "', NULL, NULL")).isEqualTo("intact");
        }
        // only someone with the server's superuser password can still edit the log; re-chaining with the
        // published hash makes the plain chain check pass, but not the check against the checkpoint
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("BEGIN");
            long victim = Long.parseLong(seq) - 1;
            s.execute("UPDATE tower_audit.log SET new_values = '{\"config_value\": \"forged\"}' WHERE seq = " + victim);
            s.execute("""
                    DO $$
                    DECLARE r record; prev text;
                    BEGIN
                        SELECT row_hash INTO prev FROM tower_audit.log WHERE seq = %d - 1;
                        FOR r IN SELECT * FROM tower_audit.log WHERE seq >= %d ORDER BY seq LOOP
                            UPDATE tower_audit.log SET prev_hash = prev, row_hash = tower_audit.row_hash(r.id, r.seq,
                                r.table_name, r.record_id, r.action, r.old_values, r.new_values, r.user_id, r.ip_address,
                                r.user_agent, r.action_name, r.actor_login, r.created_at, prev)
                            WHERE seq = r.seq RETURNING row_hash INTO prev;
                        END LOOP;
                        UPDATE tower_audit.head SET row_hash = prev;
                    END $$""".formatted(victim, victim));
            assertThat(verify(su, "0, NULL, NULL, NULL")).isEqualTo("intact");
            assertThat(SqlProbe.value(su, "SELECT problem FROM tower_audit.verify(0, NULL, " + seq + ", '" + hash + "')"))
                    .isEqualTo("The audit log up to entry #" + seq + " was rewritten since the checkpoint was taken.");
            assertThat(SqlProbe.value(su, "SELECT first_broken_seq FROM tower_audit.verify(" + seq + ", '" + hash + "')"))
                    .isEqualTo(seq);
            s.execute("ROLLBACK");
        }
    }

    @Test
    void hashCoversEveryColumn() throws Exception {
        audit();
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            for (String edit : new String[] {"id = gen_random_uuid()", "user_id = gen_random_uuid()",
                    "ip_address = '10.0.0.1'", "user_agent = 'x'", "actor_login = 'x'", "action_name = 'x'",
                    "created_at = created_at + interval '1 us'", "record_id = 'x'", "table_name = 'x'"}) {
                s.execute("BEGIN");
                s.execute("UPDATE tower_audit.log SET " + edit + " WHERE seq = (SELECT max(seq) FROM tower_audit.log)");
                assertThat(SqlProbe.value(su, "SELECT problem FROM tower_audit.verify()")).as(edit).contains("was changed");
                s.execute("ROLLBACK");
            }
        }
    }

    @Test
    void anAnalystHoldingTheOldAdvisoryLockNoLongerBlocksAuditedWrites() throws Exception {
        try (Connection analyst = db.connectAsDemo("demo_analyst")) {
            SqlProbe.value(analyst, "SELECT pg_advisory_lock(hashtext('tower.audit_chain'))");
            // and the lock that does serialise appends is out of reach
            assertThat(SqlProbe.stateOf(analyst, "SELECT * FROM tower_audit.head FOR UPDATE")).isEqualTo("42501");
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    audit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            write.get(60, TimeUnit.SECONDS);
            assertThat(write).isCompleted();
        }
    }

    @Test
    void appendFindsTheHeadInOneRowWhateverTheStatistics() throws Exception {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("ANALYZE tower_audit.log");
            s.execute("ANALYZE tower_audit.head");
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM tower_audit.head")).isEqualTo("1");
            // the append never looks for the previous row in the log itself
            String body = SqlProbe.value(su, "SELECT prosrc FROM pg_proc WHERE oid = 'tower_audit.append(text,text,text,text,jsonb,jsonb)'::regprocedure");
            assertThat(body).contains("FROM tower_audit.head WHERE singleton FOR UPDATE").doesNotContain("ORDER BY");
            assertThat(SqlProbe.value(su, "SELECT seq FROM tower_audit.head"))
                    .isEqualTo(SqlProbe.value(su, "SELECT coalesce(max(seq), 0) FROM tower_audit.log"));
        }
    }

    @Test
    void nobodyOnStaffCanAppendDirectlyOrLoadHistory() throws Exception {
        for (String login : new String[] {"demo_admin", "demo_ops", "demo_analyst"}) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "SELECT tower_audit.append('x','x','x','INSERT',NULL,NULL)")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT tower_audit.import_history('{}')")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT tower_audit.reset_for_demo()")).as(login).isEqualTo("42501");
            }
        }
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SET ROLE tower_owner");
            assertThat(SqlProbe.stateOf(admin, "SELECT tower_audit.reset_for_demo()")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(admin, "SELECT tower_audit.import_history('{}')")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(admin, "SET ROLE tower_setup")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(admin, "SET ROLE tower_audit")).isEqualTo("42501");
        }
    }

    @Test
    void aCheckpointOfTheEmptyLogIsNeverReportedAsRemovedEntries() throws Exception {
        audit();
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            // a checkpoint taken before the first entry vouches for nothing; the walk after it must pass
            assertThat(verify(admin, "0, NULL, 0, NULL")).isEqualTo("intact");
        }
    }

    private static String verify(Connection c, String args) throws Exception {
        return SqlProbe.value(c, "SELECT coalesce(problem, 'intact') FROM tower_audit.verify(" + args + ")");
    }

    private void audit() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '13')");
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '12.5')");
        }
    }
}
