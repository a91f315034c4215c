package dev.tower.booking;

import dev.tower.refund.MoneyFixtures;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund's life at the payment service on the booking's timeline (BookingPageDao.timeline over V120's
 * refund_outbox_events), read through the real functions: sent, failed with the gateway's reason, sent again
 * with the same key, refunded with the gateway's reference; and on the demo market, a retried refund.
 */
class BookingTimelineSettlementTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void aFailedRefundItsRetryAndItsSuccessAreOnTheTimelineInOrder() throws Exception {
        MoneyFixtures money = new MoneyFixtures(db);
        MoneyFixtures.Paid paid = money.paidBooking("completed", "100.00", "12.50");
        String key = "timeline-" + UUID.randomUUID();
        UUID refund = money.issue(paid, "30.00", key);
        money.settle(key, false, "card_expired: the card has expired");
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(ops, "SELECT ops.retry_refund('%s')".formatted(refund))).isEqualTo("2");
        }
        money.settle(key, true, "re_timeline_1");

        List<TimelineEvent> refunds = refundEvents(paid.booking());
        assertThat(refunds).extracting(TimelineEvent::summary).containsExactly(
                "Refund of 30.00 requested (issued): Customer asked",
                "Refund of 30.00 issued",
                "Refund of 30.00 sent to the payment service (key " + key + ")",
                "Payment service could not refund 30.00 (attempt 1): card_expired: the card has expired",
                "Refund of 30.00 sent to the payment service again (attempt 2, same key " + key + ")",
                "Payment service refunded 30.00 (attempt 2): gateway reference re_timeline_1");
        assertThat(refunds).extracting(TimelineEvent::actor).containsExactly(
                "demo_ops", null, "Olivia Ops", "Payment service", "Olivia Ops", "Payment service");
        assertThat(refunds.get(3).at()).isAfterOrEqualTo(refunds.get(2).at());
        assertThat(refunds.get(5).at()).isAfterOrEqualTo(refunds.get(4).at());

        // the history is the database's: no staff login writes it, and analysts see states but not the gateway's words
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection analyst = db.connectAsDemo("demo_analyst")) {
            assertThat(SqlProbe.stateOf(ops, "DELETE FROM refund_outbox_events WHERE refund_id = '%s'".formatted(refund)))
                    .isEqualTo("42501");
            assertThat(SqlProbe.stateOf(ops, "UPDATE refund_outbox_events SET failure_reason = 'x' WHERE refund_id = '%s'"
                    .formatted(refund))).isEqualTo("42501");
            assertThat(SqlProbe.value(analyst, "SELECT string_agg(state, ' ' ORDER BY at, id) FROM refund_outbox_events WHERE refund_id = '%s'"
                    .formatted(refund))).isEqualTo("requested failed requested succeeded");
            assertThat(SqlProbe.stateOf(analyst, "SELECT failure_reason FROM refund_outbox_events")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(analyst, "SELECT gateway_reference FROM refund_outbox_events")).isEqualTo("42501");
        }
    }

    @Test
    void onTheDemoMarketARetriedRefundShowsItsFailureAndItsSecondAttempt() throws Exception {
        TestDatabase.withDemoData();
        UUID booking;
        String reference;
        try (Connection c = db.superuser().getConnection()) {
            booking = UUID.fromString(SqlProbe.value(c, """
                    SELECT r.booking_id FROM refund_outbox o JOIN refunds r ON r.id = o.refund_id
                    WHERE o.attempts = 2 AND o.state = 'succeeded' AND r.idempotency_key LIKE 'demo-refund-%'
                    ORDER BY r.booking_id LIMIT 1"""));
            reference = SqlProbe.value(c, """
                    SELECT o.gateway_reference FROM refund_outbox o JOIN refunds r ON r.id = o.refund_id
                    WHERE r.booking_id = '%s' AND o.attempts = 2""".formatted(booking));
        }
        List<String> summaries = refundEvents(booking).stream().map(TimelineEvent::summary)
                .filter(s -> s.contains("payment service") || s.startsWith("Payment service")).toList();
        assertThat(summaries).hasSize(4);
        assertThat(summaries.get(0)).contains("sent to the payment service (key demo-refund-");
        assertThat(summaries.get(1)).contains("could not refund").contains("(attempt 1): ")
                .containsAnyOf("card_expired", "account_closed", "gateway_timeout");
        assertThat(summaries.get(2)).contains("sent to the payment service again (attempt 2, same key demo-refund-");
        assertThat(summaries.get(3)).endsWith("(attempt 2): gateway reference " + reference);
    }

    private static List<TimelineEvent> refundEvents(UUID booking) throws Exception {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            return new BookingPageService(ops.session()).open(booking).timeline().stream()
                    .filter(e -> e.kind().equals("refund")).toList();
        }
    }
}
