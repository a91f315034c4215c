package dev.tower.schema;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 7 (V40): the seeds' end-user policies apply to anon and authenticated only, so a staff
 * login's query carries no auth.uid() barrier and is planned with the statistics, as the superuser's is.
 */
class StaffPlansTest {
    private static final String COMPLETED = "EXPLAIN SELECT id FROM bookings WHERE status = 'completed'";
    private static final String DISPUTED_PAGE = """
            EXPLAIN SELECT b.id FROM bookings b WHERE b.status = 'disputed'
            ORDER BY b.created_at DESC, b.id DESC LIMIT 50""";

    private final TestDatabase db = TestDatabase.withDemoData();

    @ParameterizedTest
    @ValueSource(strings = {"demo_admin", "demo_ops", "demo_analyst"})
    void noStaffPlanCarriesTheSeedsAuthUidBarrier(String login) throws Exception {
        try (Connection c = db.connectAsDemo(login)) {
            assertThat(String.join("\n", plan(c, COMPLETED))).doesNotContain("auth.uid").doesNotContain("SubPlan");
        }
    }

    /** Same plan, same estimates (enum equality is leakproof, db/bootstrap/staff_plans.sql). */
    @ParameterizedTest
    @ValueSource(strings = {"demo_admin", "demo_ops", "demo_analyst"})
    void staffGetTheSuperusersPlan(String login) throws Exception {
        for (String query : List.of(COMPLETED, DISPUTED_PAGE)) {
            List<String> asStaff;
            try (Connection c = db.connectAsDemo(login)) {
                asStaff = plan(c, query);
            }
            List<String> asSuperuser;
            try (Connection c = db.superuser().getConnection()) {
                asSuperuser = plan(c, query);
            }
            assertThat(String.join("\n", asStaff)).doesNotContain("auth.uid").doesNotContain("SubPlan");
            assertThat(asStaff).as("%s plans %s as the superuser does", login, query).isEqualTo(asSuperuser);
        }
    }

    @Test
    void theSeedsPoliciesApplyToEndUsersOnlyAndStaffKeepTheirOwn() throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT policyname, roles::text FROM pg_policies
                     WHERE schemaname = 'public' AND tablename = 'bookings' ORDER BY policyname""")) {
            List<String> policies = new ArrayList<>();
            while (rs.next()) {
                policies.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(policies).contains("Users can view own bookings {anon,authenticated}",
                    "tower_staff_read {tower_admin,tower_analyst,tower_ops}");
            assertThat(policies).noneMatch(p -> p.endsWith("{public}"));
        }
    }

    @Test
    void analystsStillCannotReadCustomersNotes() throws Exception {
        try (Connection c = db.connectAsDemo("demo_analyst")) {
            assertThat(SqlProbe.stateOf(c, "SELECT customer_notes FROM bookings LIMIT 1")).isEqualTo("42501");
        }
    }

    private static List<String> plan(Connection c, String query) throws SQLException {
        return SqlProbe.column(c, query);
    }
}
