package dev.tower.refund;

import dev.tower.db.DatabaseSetupException;
import dev.tower.db.SetupLogin;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo's stand-in for the platform's payment service: takes requested refunds from the outbox and
 * reports each outcome through the payment_service functions, as role tower_payment_service. Embedded
 * demo database only: it runs on tower_setup (never a superuser connection, so code planted on an owner
 * table gains nothing) and SET ROLEs to the service role, which no staff login holds.
 *
 * <p>Outcomes are deterministic from the idempotency key: about one first attempt in five fails with a
 * gateway reason; a retry (same key, next attempt) succeeds, so the demo shows the whole life of a refund.
 */
public final class SettlementSimulator {
    public record Result(int succeeded, int failed) {}

    private static final String[] FAILURES = {
            "card_expired: the customer's card has expired; the bank refused the refund",
            "account_closed: the card account was closed",
            "gateway_timeout: the payment gateway did not answer in time"};

    private final DataSource superuser;

    public SettlementSimulator(DataSource superuser) {
        this.superuser = superuser;
    }

    /** Settles up to {@code limit} requested refunds in one transaction. */
    public Result settle(int limit) {
        try (SetupLogin setup = SetupLogin.open(superuser); Connection c = setup.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE tower_payment_service");
            }
            List<String[]> requested = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outbox_id, idempotency_key, attempts FROM payment_service.requested_refunds(?)")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        requested.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            int ok = 0;
            int failed = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT payment_service.record_refund_outcome(?::uuid, ?, ?, ?, ?)")) {
                for (String[] r : requested) {
                    byte[] h = sha256(r[1]);
                    boolean fails = Integer.parseInt(r[2]) == 1 && Byte.toUnsignedInt(h[0]) % 5 == 0;
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setBoolean(3, !fails);
                    ps.setString(4, fails ? null : "re_sim_" + HexFormat.of().formatHex(h, 0, 10));
                    ps.setString(5, fails ? FAILURES[Byte.toUnsignedInt(h[1]) % FAILURES.length] : null);
                    ps.execute();
                    if (fails) {
                        failed++;
                    } else {
                        ok++;
                    }
                }
            }
            c.commit();
            return new Result(ok, failed);
        } catch (SQLException e) {
            throw new DatabaseSetupException("The settlement simulator could not settle refunds: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
