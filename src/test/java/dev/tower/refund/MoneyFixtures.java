package dev.tower.refund;

import dev.tower.demo.DemoLogins;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.postgresql.util.PasswordUtil;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Bookings with a captured payment, and the extra logins the four-eyes and attacker tests need. */
public final class MoneyFixtures {
    public static final String SECOND_ADMIN = "h14_second_admin";
    public static final String UNRELATED = "h14_unrelated";

    private final TestDatabase db;
    private final TestRows rows;

    public MoneyFixtures(TestDatabase db) {
        this.db = db;
        this.rows = TestRows.in(db);
    }

    /** A booking in {@code status} whose payment of {@code captured} (fee {@code fee}) was captured. */
    public Paid paidBooking(String status, String captured, String fee) {
        TestRows.Chain chain = rows.chain(status);
        BigDecimal total = new BigDecimal(captured);
        BigDecimal platformFee = new BigDecimal(fee);
        rows.update("UPDATE bookings SET price_total = ?, service_price = ?, platform_fee = ? WHERE id = ?",
                total, total.subtract(platformFee), platformFee, chain.booking());
        UUID payment = rows.queryUuid("""
                INSERT INTO payments (order_id, payment_method, payment_provider, transaction_id, amount, status)
                VALUES (?, 'card', 'stripe', 'ch_' || substr(md5(random()::text), 1, 20), ?, 'completed') RETURNING id""",
                chain.booking(), total);
        return new Paid(chain, payment);
    }

    /** An open dispute on a disputed booking with a captured payment. */
    public UUID openDispute(Paid paid) {
        return rows.queryUuid("""
                INSERT INTO disputes (booking_id, reason, reason_code, opened_at, sla_due_at)
                VALUES (?, 'Package was damaged on arrival', 'damaged_or_incomplete', now() - interval '1 hour', now() + interval '47 hours')
                RETURNING id""", paid.booking());
    }

    /** Issues a refund on {@code paid} as demo_ops through ops.issue_refund; returns the refund's id. */
    public UUID issue(Paid paid, String amount, String key) throws SQLException {
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            SqlProbe.value(ops, "SELECT status FROM ops.issue_refund('%s', '%s', 'requested_by_customer', 'Customer asked', '%s')"
                    .formatted(paid.booking(), amount, key));
            return UUID.fromString(SqlProbe.value(ops, "SELECT id FROM refunds WHERE idempotency_key = '" + key + "'"));
        }
    }

    /**
     * Reports the gateway's answer to a refund's current attempt as the platform's payment service does: the
     * role tower_payment_service, through payment_service.record_refund_outcome. {@code words}: the
     * gateway's reference when it succeeded, its reason when it failed.
     */
    public void settle(String key, boolean succeeded, String words) throws SQLException {
        try (Connection service = db.superuser().getConnection(); Statement s = service.createStatement()) {
            s.execute("SET ROLE tower_payment_service");
            String outbox = SqlProbe.value(service,
                    "SELECT outbox_id FROM payment_service.requested_refunds(1000) WHERE idempotency_key = '" + key + "'");
            SqlProbe.value(service, "SELECT payment_service.record_refund_outcome('%s', '%s', %s, %s, %s)".formatted(outbox, key,
                    succeeded, succeeded ? "'" + words + "'" : "NULL", succeeded ? "NULL" : "'" + words.replace("'", "''") + "'"));
        }
    }

    public record Paid(TestRows.Chain chain, UUID payment) {
        public UUID booking() { return chain.booking(); }
    }

    /** Creates (once) a second admin login and a login in no staff group, password {@code demo}. */
    public static synchronized void ensureExtraLogins(TestDatabase db) {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            String verifier = PasswordUtil.encodeScramSha256(DemoLogins.PASSWORD.toCharArray());
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%3$s';
                        GRANT tower_admin TO %1$s;
                        INSERT INTO public.staff_members (login, display_name, role_group, created_by)
                        VALUES ('%1$s', 'Sam Second-Admin', 'tower_admin', 'test');
                      END IF;
                      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%2$s') THEN
                        CREATE ROLE %2$s LOGIN PASSWORD '%3$s';
                      END IF;
                    END $$""".formatted(SECOND_ADMIN, UNRELATED, verifier));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the extra test logins: " + e.getMessage(), e);
        }
    }
}
