package dev.tower.refund;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 connections issuing refunds on one payment at the same instant, over many trials: the refunded total
 * never exceeds what was captured, and each idempotency key (some sent by several connections at once)
 * gives exactly one refund.
 */
class RefundConcurrencyTest {
    static final int CONNECTIONS = 50;
    static final int TRIALS = 12;

    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @Test
    void fiftyConnectionsNeverRefundMoreThanCapturedAndOneRefundPerKey() throws Exception {
        List<Connection> connections = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                connections.add(db.connectAsDemo("demo_ops"));
            }
            Random random = new Random(12);
            for (int trial = 0; trial < TRIALS; trial++) {
                MoneyFixtures.Paid paid = money.paidBooking("completed", "150.00", "18.75");
                // 35 distinct keys: 15 connections resend a key another connection sends at the same time
                List<String> keys = new ArrayList<>();
                for (int k = 0; k < 35; k++) {
                    keys.add("conc-" + trial + "-" + k + "-" + UUID.randomUUID());
                }
                CyclicBarrier start = new CyclicBarrier(CONNECTIONS);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    Connection c = connections.get(i);
                    String key = keys.get(i < 35 ? i : random.nextInt(35));
                    // amounts of 1.00 to 12.99: together far more than the 150.00 captured
                    String amount = new BigDecimal(100 + random.nextInt(1200)).movePointLeft(2).toPlainString();
                    outcomes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return refund(c, paid.booking(), amount, key);
                    }));
                }
                int refused = 0;
                for (Future<String> f : outcomes) {
                    String outcome = f.get(60, TimeUnit.SECONDS);
                    assertThat(outcome).matches("issued|replayed|refund\\.more_than_remaining");
                    if (!outcome.equals("issued") && !outcome.equals("replayed")) {
                        refused++;
                    }
                }
                try (Connection check = db.superuser().getConnection()) {
                    BigDecimal refunded = new BigDecimal(SqlProbe.value(check,
                            "SELECT coalesce(sum(amount), 0) FROM refunds WHERE payment_id = '%s'".formatted(paid.payment())));
                    assertThat(refunded).isLessThanOrEqualTo(new BigDecimal("150.00"));
                    assertThat(SqlProbe.value(check, """
                            SELECT count(*) FROM (SELECT idempotency_key FROM refunds WHERE payment_id = '%s'
                                                  GROUP BY 1 HAVING count(*) > 1) dup""".formatted(paid.payment()))).isEqualTo("0");
                    // every distinct key either refunded once or was refused for want of money left
                    long refundRows = Long.parseLong(SqlProbe.value(check,
                            "SELECT count(*) FROM refunds WHERE payment_id = '%s'".formatted(paid.payment())));
                    assertThat(refundRows).isBetween(1L, 35L);
                    assertThat(SqlProbe.value(check, "SELECT refund_amount FROM bookings WHERE id = '%s'".formatted(paid.booking())))
                            .isEqualTo(refunded.setScale(2).toPlainString());
                    assertThat(SqlProbe.value(check, """
                            SELECT sum(platform_fee_share) <= 18.75 AND bool_and(platform_fee_share + provider_share = amount)
                            FROM refunds WHERE payment_id = '%s'""".formatted(paid.payment()))).isEqualTo("t");
                    assertThat(SqlProbe.value(check, "SELECT count(*) FROM refund_outbox WHERE payment_id = '%s'".formatted(paid.payment())))
                            .isEqualTo(String.valueOf(refundRows));
                }
                assertThat(refused).as("the trial ran out of money, so the limit was really tested").isPositive();
            }
        } finally {
            pool.shutdownNow();
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static String refund(Connection c, UUID booking, String amount, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT replayed FROM ops.issue_refund(?, ?, 'requested_by_customer', 'Concurrent test', ?)")) {
            ps.setObject(1, booking);
            ps.setString(2, amount);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? "replayed" : "issued";
            }
        } catch (SQLException e) {
            // "ERROR: refund.more_than_remaining: ..." -> the code
            String message = e.getMessage().replaceFirst("^ERROR: ", "");
            return message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
        }
    }
}
