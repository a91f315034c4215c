package dev.tower.testing;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A tiny fixture builder: inserts marketplace rows as the embedded superuser (fixtures only, never the
 * behaviour under test). Every row gets fresh ids and unique e-mails, so tests sharing one database do
 * not see each other's rows unless they look for them.
 */
public final class TestRows {
    private final DataSource superuser;

    public TestRows(DataSource superuser) {
        this.superuser = superuser;
    }

    public static TestRows in(TestDatabase db) {
        return new TestRows(db.superuser());
    }

    /** An auth user; the seed's on_auth_user_created trigger creates the profile, which is then filled in. */
    public UUID person(String fullName, String role) {
        UUID id = UUID.randomUUID();
        String email = "p" + id.toString().substring(0, 8) + "@example.test";
        update("INSERT INTO auth.users (id, email) VALUES (?, ?)", id, email);
        update("""
                UPDATE profiles SET full_name = ?, phone = '+1 313 555 0100', address = '1 Woodward Ave, Detroit',
                                    avatar_url = 'https://example.test/a.png', role = ?::user_role
                WHERE id = ?""", fullName, role, id);
        return id;
    }

    public UUID consumer(String fullName) {
        return person(fullName, "consumer");
    }

    /** A verified drone provider (rating 5.00) serving the given area names. */
    public UUID verifiedProvider(String fullName, String... serviceAreas) {
        return provider(fullName, true, serviceAreas);
    }

    public UUID provider(String fullName, boolean verified, String... serviceAreas) {
        UUID user = person(fullName, "provider");
        return queryUuid("""
                INSERT INTO providers (user_id, type, service_areas, rating, completed_jobs, verified, certification_status)
                VALUES (?, 'drone', ?::text[], 5.00, 0, ?, ?) RETURNING id""",
                user, toArrayLiteral(serviceAreas), verified, verified ? "verified" : "pending");
    }

    public UUID listing(UUID providerId, String category, String title, String description, BigDecimal priceBase) {
        return queryUuid("""
                INSERT INTO listings (provider_id, title, description, category, price_base, active)
                VALUES (?, ?, ?, ?::service_category, ?, true) RETURNING id""",
                providerId, title, description, category, priceBase);
    }

    /** A booking loaded directly in {@code status} (the owner may load history in any state). */
    public UUID booking(UUID consumerId, UUID providerId, UUID listingId, String status) {
        return queryUuid("""
                INSERT INTO bookings (consumer_id, provider_id, listing_id, status, scheduled_at,
                                      pickup_address, dropoff_address, dropoff_lat, dropoff_lng,
                                      price_total, service_price, payment_status, service_area_id)
                VALUES (?, ?, ?, ?::booking_status, now() + interval '1 day',
                        '2 Michigan Ave, Detroit', '1 Woodward Ave, Detroit', 42.3314, -83.0458,
                        42.50, 42.50, 'paid',
                        (SELECT id FROM service_areas WHERE name = 'Downtown Detroit'))
                RETURNING id""", consumerId, providerId, listingId, status);
    }

    /** Consumer, verified provider, one listing and one booking in {@code status}: the usual chain. */
    public Chain chain(String status) {
        UUID consumer = consumer("Casey Consumer");
        UUID provider = verifiedProvider("Pat Provider", "Downtown Detroit");
        UUID listing = listing(provider, "courier", "Same-day parcel run", "Parcels across Detroit", new BigDecimal("20.00"));
        UUID booking = booking(consumer, provider, listing, status);
        return new Chain(consumer, provider, listing, booking);
    }

    public record Chain(UUID consumer, UUID provider, UUID listing, UUID booking) {}

    public int update(String sql, Object... args) {
        try (Connection c = superuser.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture statement failed: " + e.getMessage(), e);
        }
    }

    public UUID queryUuid(String sql, Object... args) {
        try (Connection c = superuser.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("Fixture query returned no row: " + sql);
            }
            return rs.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture statement failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static String toArrayLiteral(String... values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
