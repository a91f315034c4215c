package dev.tower.refund;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refund functions over plain JDBC, as psql would call them: the rules, every refusal in plain words
 * (and that a refusal changes nothing), who may call what, four eyes, and the outbox life cycle.
 */
class RefundFunctionsTest {
    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @BeforeAll
    static void logins() {
        MoneyFixtures.ensureExtraLogins(TestDatabase.get());
    }

    static String issue(UUID booking, String amount, String key) {
        return "SELECT status || ' ' || amount || ' ' || platform_fee_share || '/' || provider_share || ' ' || replayed"
                + " FROM ops.issue_refund('%s', %s, 'requested_by_customer', 'Customer asked', '%s')"
                .formatted(booking, amount == null ? "NULL" : "'" + amount + "'", key);
    }

    @Test
    void aRefundIsRecordedWithItsSplitAndTheSameKeyGivesBackTheFirst() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        String key = UUID.randomUUID().toString();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "40.00", key))).isEqualTo("issued 40.00 5.00/35.00 false");
            // the same request again, even with another amount typed: the first refund, not a second
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "40.00", key))).isEqualTo("issued 40.00 5.00/35.00 true");
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "55.00", key))).isEqualTo("issued 40.00 5.00/35.00 true");
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(paid.booking())))
                    .isEqualTo("1");
            assertThat(SqlProbe.value(ops, "SELECT payment_status || ' ' || refund_amount FROM bookings WHERE id = '%s'"
                    .formatted(paid.booking()))).isEqualTo("partially_refunded 40.00");
            assertThat(SqlProbe.value(ops, "SELECT status FROM payments WHERE id = '%s'".formatted(paid.payment())))
                    .isEqualTo("partially_refunded");
            assertThat(SqlProbe.value(ops, "SELECT total_earnings FROM providers WHERE id = '%s'"
                    .formatted(paid.chain().provider()))).isEqualTo("-35.00");
            assertThat(SqlProbe.value(ops, "SELECT o.state || ' ' || o.idempotency_key FROM refund_outbox o JOIN refunds r ON r.id = o.refund_id"
                    + " WHERE r.booking_id = '%s'".formatted(paid.booking()))).isEqualTo("requested " + key);
            // the rest: the shares of all refunds add up to the fee exactly
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "60.00", UUID.randomUUID().toString())))
                    .isEqualTo("issued 60.00 7.50/52.50 false");
            assertThat(SqlProbe.value(ops, "SELECT payment_status FROM bookings WHERE id = '%s'".formatted(paid.booking())))
                    .isEqualTo("refunded");
            assertThat(auditCount(paid.booking())).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "0|refund.amount_not_positive",
            "0.00|refund.amount_not_positive",
            "-5|refund.amount_not_positive: -5 is negative",
            "12.345|refund.amount_too_precise",
            "twelve|refund.amount_malformed: \"twelve\" is not an amount",
            "1e3|refund.amount_malformed",
            "' '|refund.amount_required",
            "100.01|refund.more_than_remaining: 100.01 is more than the 100.00 left to refund"})
    void badAmountsAreRefusedInPlainWordsAndChangeNothing(String amount, String message) throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, issue(paid.booking(), amount.replace("'", ""), UUID.randomUUID().toString())))
                    .contains(message);
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(paid.booking())))
                    .isEqualTo("0");
            assertThat(SqlProbe.value(ops, "SELECT payment_status FROM bookings WHERE id = '%s'".formatted(paid.booking())))
                    .isEqualTo("paid");
        }
    }

    @Test
    void otherBadInputIsRefusedInPlainWords() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        String b = paid.booking().toString();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, "SELECT * FROM ops.issue_refund('%s', '5', 'bored', 'n', 'k-%s')".formatted(b, UUID.randomUUID())))
                    .contains("refund.unknown_reason");
            assertThat(SqlProbe.messageOf(ops, "SELECT * FROM ops.issue_refund('%s', '5', 'other', '  ', 'k-%s')".formatted(b, UUID.randomUUID())))
                    .contains("refund.note_required");
            assertThat(SqlProbe.messageOf(ops, "SELECT * FROM ops.issue_refund('%s', '5', 'other', 'n', ' ')".formatted(b)))
                    .contains("refund.key_required");
            UUID nowhere = UUID.randomUUID();
            assertThat(SqlProbe.messageOf(ops, "SELECT * FROM ops.issue_refund('%s', '5', 'other', 'n', 'k-%s')".formatted(nowhere, nowhere)))
                    .contains("refund.booking_not_found: There is no booking with id " + nowhere);
            MoneyFixtures.Paid unpaid = money.paidBooking("completed", "10.00", "1.00");
            new dev.tower.testing.TestRows(db.superuser()).update("UPDATE payments SET status = 'failed' WHERE id = ?", unpaid.payment());
            assertThat(SqlProbe.messageOf(ops, issue(unpaid.booking(), "5", UUID.randomUUID().toString())))
                    .contains("refund.nothing_captured");
            String key = UUID.randomUUID().toString();
            SqlProbe.value(ops, issue(paid.booking(), "5", key));
            MoneyFixtures.Paid other = money.paidBooking("completed", "10.00", "1.00");
            assertThat(SqlProbe.messageOf(ops, issue(other.booking(), "5", key))).contains("refund.key_reused");
        }
    }

    @Test
    void theAnalystAndAnUnrelatedLoginAreRefusedAndNobodyOnStaffWritesTheTables() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        try (Connection analyst = db.connectAsDemo("demo_analyst");
             Connection stranger = db.connect(MoneyFixtures.UNRELATED, "demo");
             Connection ops = db.connectAsDemo("demo_ops");
             Connection admin = db.connectAsDemo("demo_admin")) {
            for (Connection c : new Connection[] {analyst, stranger}) {
                assertThat(SqlProbe.stateOf(c, issue(paid.booking(), "5", UUID.randomUUID().toString()))).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT ops.retry_refund(gen_random_uuid())")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT ops.decide_refund(gen_random_uuid(), true, 'x')")).isEqualTo("42501");
            }
            // ops may not approve at all; the payment service's functions are nobody's on staff
            assertThat(SqlProbe.stateOf(ops, "SELECT ops.decide_refund(gen_random_uuid(), true, 'x')")).isEqualTo("42501");
            for (Connection c : new Connection[] {ops, admin, analyst}) {
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM payment_service.requested_refunds(10)")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "UPDATE refund_outbox SET state = 'succeeded'")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "INSERT INTO refunds (booking_id, amount, reason, idempotency_key) VALUES ('%s', 1, 'x', 'y')"
                        .formatted(paid.booking()))).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM tower_internal.record_refund('%s', 1, 'other', 'x', 'y', NULL, 'x')"
                        .formatted(paid.booking()))).isEqualTo("42501");
            }
        }
    }

    @Test
    void aRefundAboveTheLimitWaitsForAnotherAdminAndTheRequesterCannotApproveItEvenAsAdmin() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "900.00", "100.00");
        try (Connection admin = db.connectAsDemo("demo_admin"); Connection second = db.connect(MoneyFixtures.SECOND_ADMIN, "demo");
             Connection ops = db.connectAsDemo("demo_ops")) {
            String limit = SqlProbe.value(admin, "SELECT config_value #>> '{}' FROM system_config WHERE config_key = 'refund.second_approval_above'");
            String above = new java.math.BigDecimal(limit).add(java.math.BigDecimal.ONE).toPlainString();
            String key = UUID.randomUUID().toString();
            assertThat(SqlProbe.value(admin, issue(paid.booking(), above, key))).startsWith("awaiting_approval");
            String refund = SqlProbe.value(admin, "SELECT id FROM refunds WHERE idempotency_key = '" + key + "'");
            // nothing moves while it waits, but its amount is held
            assertThat(SqlProbe.value(admin, "SELECT payment_status FROM bookings WHERE id = '%s'".formatted(paid.booking()))).isEqualTo("paid");
            assertThat(SqlProbe.value(admin, "SELECT count(*) FROM refund_outbox WHERE refund_id = '%s'".formatted(refund))).isEqualTo("0");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_refund('%s', true, 'Looks right')".formatted(refund)))
                    .contains("refund.own_request: You asked for this refund, so another admin has to approve or decline it.");
            assertThat(SqlProbe.stateOf(ops, "SELECT ops.decide_refund('%s', true, 'Looks right')".formatted(refund))).isEqualTo("42501");
            assertThat(SqlProbe.messageOf(second, "SELECT ops.decide_refund('%s', true, ' ')".formatted(refund)))
                    .contains("refund.note_required");
            assertThat(SqlProbe.value(second, "SELECT ops.decide_refund('%s', true, 'Checked the photos')".formatted(refund)))
                    .isEqualTo("issued");
            assertThat(SqlProbe.value(second, "SELECT approved_by || ' ' || decision_note FROM refunds WHERE id = '%s'".formatted(refund)))
                    .isEqualTo(MoneyFixtures.SECOND_ADMIN + " Checked the photos");
            assertThat(SqlProbe.value(second, "SELECT state FROM refund_outbox WHERE refund_id = '%s'".formatted(refund))).isEqualTo("requested");
            assertThat(SqlProbe.messageOf(second, "SELECT ops.decide_refund('%s', false, 'Changed my mind')".formatted(refund)))
                    .contains("refund.already_decided: This refund was already approved by Sam Second-Admin");
        }
    }

    @Test
    void anOpsRequestAboveTheLimitCanBeDeclinedAndFreesItsAmount() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "900.00", "100.00");
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection admin = db.connectAsDemo("demo_admin")) {
            String key = UUID.randomUUID().toString();
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "900.00", key))).startsWith("awaiting_approval 900.00");
            assertThat(SqlProbe.messageOf(ops, issue(paid.booking(), "1.00", UUID.randomUUID().toString())))
                    .contains("refund.more_than_remaining");
            String refund = SqlProbe.value(ops, "SELECT id FROM refunds WHERE idempotency_key = '" + key + "'");
            assertThat(SqlProbe.value(admin, "SELECT ops.decide_refund('%s', false, 'Not supported by evidence')".formatted(refund)))
                    .isEqualTo("rejected");
            assertThat(SqlProbe.value(ops, issue(paid.booking(), "1.00", UUID.randomUUID().toString()))).startsWith("issued 1.00");
        }
    }

    @Test
    void theSettlementLifeCycleFailsOneAndItsRetryUsesTheSameKey() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        String key = UUID.randomUUID().toString();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            SqlProbe.value(ops, issue(paid.booking(), "30.00", key));
            String refund = SqlProbe.value(ops, "SELECT id FROM refunds WHERE idempotency_key = '" + key + "'");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.retry_refund('%s')".formatted(refund)))
                    .contains("refund.not_failed: Only a failed refund can be retried; this one is requested.");
            try (Connection service = paymentService()) {
                String outbox = SqlProbe.value(service, "SELECT outbox_id FROM payment_service.requested_refunds(1000) WHERE idempotency_key = '" + key + "'");
                assertThat(outbox).isNotNull();
                assertThat(SqlProbe.messageOf(service, "SELECT payment_service.record_refund_outcome('%s', 'wrong', false, NULL, 'x')".formatted(outbox)))
                        .contains("settlement.unknown_request");
                assertThat(SqlProbe.messageOf(service, "SELECT payment_service.record_refund_outcome('%s', '%s', false, NULL, ' ')".formatted(outbox, key)))
                        .contains("settlement.reason_required");
                assertThat(SqlProbe.value(service, "SELECT payment_service.record_refund_outcome('%s', '%s', false, NULL, 'card_expired: the card has expired')"
                        .formatted(outbox, key))).isEqualTo("failed");
                assertThat(SqlProbe.value(ops, "SELECT state || ' ' || failure_reason FROM refund_outbox WHERE id = '%s'".formatted(outbox)))
                        .isEqualTo("failed card_expired: the card has expired");
                assertThat(SqlProbe.value(ops, "SELECT ops.retry_refund('%s')".formatted(refund))).isEqualTo("2");
                assertThat(SqlProbe.value(service, "SELECT idempotency_key || ' ' || attempts FROM payment_service.requested_refunds(1000) WHERE outbox_id = '%s'"
                        .formatted(outbox))).isEqualTo(key + " 2");
                assertThat(SqlProbe.messageOf(service, "SELECT payment_service.record_refund_outcome('%s', '%s', true, ' ', NULL)".formatted(outbox, key)))
                        .contains("settlement.reference_required");
                assertThat(SqlProbe.value(service, "SELECT payment_service.record_refund_outcome('%s', '%s', true, 're_123', NULL)"
                        .formatted(outbox, key))).isEqualTo("succeeded");
                // a late duplicate answer keeps the first
                assertThat(SqlProbe.value(service, "SELECT payment_service.record_refund_outcome('%s', '%s', false, NULL, 'late')"
                        .formatted(outbox, key))).isEqualTo("succeeded");
            }
            assertThat(SqlProbe.value(ops, "SELECT state || ' ' || gateway_reference || ' ' || attempts FROM refund_outbox WHERE refund_id = '%s'"
                    .formatted(refund))).isEqualTo("succeeded re_123 2");
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(paid.booking()))).isEqualTo("1");
        }
    }

    @Test
    void everyRefundFunctionDeclaresItsPermission() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT p.proname || ' ' || obj_description(p.oid, 'pg_proc') FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'ops' AND p.proname LIKE '%refund%' ORDER BY 1""")).containsExactly(
                    "decide_refund permission: APPROVE_LARGE_REFUND", "issue_refund permission: ISSUE_REFUND",
                    "retry_refund permission: ISSUE_REFUND");
        }
    }

    /** The payment service as the simulator runs it: tower_setup, then SET ROLE to the service role. */
    private Connection paymentService() throws SQLException {
        Connection c = db.superuser().getConnection();
        SqlProbe.stateOf(c, "SELECT 1");
        try (var s = c.createStatement()) {
            s.execute("SET ROLE tower_payment_service");
        }
        return c;
    }

    private long auditCount(UUID booking) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return Long.parseLong(SqlProbe.value(c, """
                SELECT count(*) FROM audit_logs WHERE table_name = 'refunds'
                AND record_id IN (SELECT id::text FROM refunds WHERE booking_id = '%s')""".formatted(booking)));
        }
    }
}
