package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member with psql can set any session variable. None of them may widen what the login can do:
 * rights come from the PostgreSQL role, never from request.jwt.claims or app.* settings.
 */
class SessionClaimsTest {
    private final TestDatabase db = TestDatabase.get();

    @ParameterizedTest
    @ValueSource(strings = {"demo_ops", "demo_analyst"})
    void settingClaimsAndAppVariablesGainsNothing(String login) throws Exception {
        try (Connection c = db.connectAsDemo(login); Statement s = c.createStatement()) {
            s.execute("SET request.jwt.claims = '{\"sub\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"service_role\"}'");
            s.execute("SET request.jwt.claim.sub = '00000000-0000-0000-0000-000000000001'");
            s.execute("SET app.role = 'admin'");
            s.execute("SET app.staff_login = 'demo_admin'");
            assertThat(SqlProbe.stateOf(c, "UPDATE profiles SET full_name = 'x' WHERE id = '00000000-0000-0000-0000-000000000001'"))
                    .isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "INSERT INTO bookings (consumer_id, provider_id, listing_id, scheduled_at, dropoff_address,"
                    + " dropoff_lat, dropoff_lng, price_total) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),"
                    + " now() + interval '1 day', 'x', 42.3, -83.0, 10)")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SELECT ops.set_system_setting('dispute.sla_hours', '1')")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SELECT ops.verify_audit_chain()")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SET ROLE tower_admin")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SET ROLE tower_owner")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SET SESSION AUTHORIZATION demo_admin")).isEqualTo("42501");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo_analyst"})
    void analystSeesNoContactDetailsWhateverItClaims(String login) throws Exception {
        try (Connection c = db.connectAsDemo(login); Statement s = c.createStatement()) {
            s.execute("SET request.jwt.claims = '{\"sub\": \"00000000-0000-0000-0000-000000000001\"}'");
            for (String sql : new String[] {"SELECT email FROM profiles", "SELECT phone FROM profiles", "SELECT address FROM profiles",
                    "SELECT email FROM users", "SELECT dropoff_address FROM bookings", "SELECT content FROM messages",
                    "SELECT email FROM auth.users", "SELECT * FROM profiles"}) {
                assertThat(SqlProbe.stateOf(c, sql)).as(sql).isEqualTo("42501");
            }
        }
    }
}
