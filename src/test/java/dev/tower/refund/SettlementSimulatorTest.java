package dev.tower.refund;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo payment service: settles the outbox as tower_payment_service, fails some, and a retry with the same key succeeds. */
class SettlementSimulatorTest {
    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @Test
    void aFailedRefundIsRetriedWithTheSameKeyAndThenSucceeds() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        String failing = keyWhoseFirstAttemptFails();
        String passing = keyWhoseFirstAttemptPasses();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            SqlProbe.value(ops, RefundFunctionsTest.issue(paid.booking(), "10.00", failing));
            SqlProbe.value(ops, RefundFunctionsTest.issue(paid.booking(), "5.00", passing));
            SettlementSimulator.Result first = new SettlementSimulator(db.superuser()).settle(1000);
            assertThat(first.failed()).isPositive();
            assertThat(state(ops, failing)).startsWith("failed ").contains(": ");
            assertThat(state(ops, passing)).startsWith("succeeded re_sim_");
            String refund = SqlProbe.value(ops, "SELECT id FROM refunds WHERE idempotency_key = '" + failing + "'");
            assertThat(SqlProbe.value(ops, "SELECT ops.retry_refund('%s')".formatted(refund))).isEqualTo("2");
            new SettlementSimulator(db.superuser()).settle(1000);
            assertThat(state(ops, failing)).startsWith("succeeded re_sim_");
            assertThat(SqlProbe.value(ops, "SELECT attempts || ' ' || idempotency_key FROM refund_outbox WHERE refund_id = '%s'"
                    .formatted(refund))).isEqualTo("2 " + failing);
        }
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(c, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'tower_setup'")).isEqualTo("f");
            assertThat(SqlProbe.column(c, """
                    SELECT DISTINCT actor_login FROM audit_logs WHERE action_name = 'record_refund_outcome'""")).contains("tower_setup");
        }
    }

    private static String state(Connection c, String key) throws Exception {
        return SqlProbe.value(c, "SELECT state || ' ' || coalesce(gateway_reference, failure_reason) FROM refund_outbox WHERE idempotency_key = '" + key + "'");
    }

    private static String keyWhoseFirstAttemptFails() throws Exception {
        while (true) {
            String key = "sim-" + UUID.randomUUID();
            if (Byte.toUnsignedInt(MessageDigest.getInstance("SHA-256").digest(key.getBytes())[0]) % 5 == 0) {
                return key;
            }
        }
    }

    private static String keyWhoseFirstAttemptPasses() throws Exception {
        while (true) {
            String key = "sim-" + UUID.randomUUID();
            if (Byte.toUnsignedInt(MessageDigest.getInstance("SHA-256").digest(key.getBytes())[0]) % 5 != 0) {
                return key;
            }
        }
    }
}
