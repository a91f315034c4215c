package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.testing.TestAreas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-area functions through plain JDBC, as each staff role: admins change areas, ops and
 * analysts are refused, every rule raises its code and changes nothing, a stale version is a conflict.
 */
class ServiceAreaFunctionsTest {
    @AfterAll
    static void removeTestAreas() {
        TestAreas.removeStartingWith("Wall ");
    }

    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @Test
    void adminCreatesEditsDeactivatesAndReactivatesWithOneAuditRowEach() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            long before = auditCount(admin);
            UUID id = create(admin, "Wall Hamtramck", "42.3928", "-83.0496", 2);
            assertThat(value(admin, "SELECT version || ' ' || active || ' ' || updated_by FROM service_areas WHERE id = '" + id + "'"))
                    .isEqualTo("1 true demo_admin");
            assertLastAudit(admin, "create_service_area", id);

            assertThat(intCall(admin, "SELECT ops.edit_service_area(?::uuid, 1, 'Wall Hamtramck', 42.4, -83.05, 3)", id)).isEqualTo(2);
            assertLastAudit(admin, "edit_service_area", id);
            assertThat(intCall(admin, "SELECT ops.deactivate_service_area(?::uuid, 2)", id)).isEqualTo(3);
            assertLastAudit(admin, "deactivate_service_area", id);
            assertThat(intCall(admin, "SELECT ops.reactivate_service_area(?::uuid, 3)", id)).isEqualTo(4);
            assertLastAudit(admin, "reactivate_service_area", id);
            assertThat(auditCount(admin)).isEqualTo(before + 4);
            assertThat(value(admin, "SELECT center_lat || ' ' || center_lng || ' ' || radius_miles || ' ' || active FROM service_areas WHERE id = '" + id + "'"))
                    .isEqualTo("42.40000000 -83.05000000 3 true");
        }
    }

    @Test
    void opsAndAnalystsAreRefusedEveryAreaFunction() throws Exception {
        UUID id;
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            id = create(admin, "Wall Refusals", "42.30", "-83.30", 2);
        }
        String[] calls = {
                "SELECT ops.create_service_area('Wall Sneaky', 42.3, -83.1, 2)",
                "SELECT ops.edit_service_area('" + id + "', 1, 'Wall Sneaky', 42.3, -83.1, 2)",
                "SELECT ops.rename_service_area('" + id + "', 1, 'Wall Sneaky')",
                "SELECT ops.deactivate_service_area('" + id + "', 1, true)",
                "SELECT ops.reactivate_service_area('" + id + "', 1)",
                "UPDATE service_areas SET radius_miles = 50 WHERE id = '" + id + "'",
                "INSERT INTO service_areas (name, center_lat, center_lng, radius_miles) VALUES ('Wall Direct', 1, 1, 1)",
        };
        for (String login : new String[] {"demo_ops", "demo_analyst"}) {
            try (Connection c = db.connectAsDemo(login)) {
                for (String call : calls) {
                    assertThat(SqlProbe.stateOf(c, call)).as("%s: %s", login, call).isEqualTo("42501");
                }
            }
        }
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(value(admin, "SELECT version || ' ' || name FROM service_areas WHERE id = '" + id + "'")).isEqualTo("1 Wall Refusals");
            assertThat(value(admin, "SELECT count(*) FROM service_areas WHERE name LIKE 'Wall Sneaky%' OR name = 'Wall Direct'")).isEqualTo("0");
        }
        // ops may read the areas; analysts do not need them
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(value(ops, "SELECT name FROM service_areas WHERE id = '" + id + "'")).isEqualTo("Wall Refusals");
        }
    }

    @Test
    void badInputRaisesItsCodeInPlainWordsAndChangesNothing() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            UUID id = create(admin, "Wall Rules", "42.20", "-83.20", 2);
            long before = auditCount(admin);
            String[][] cases = {
                    {"SELECT ops.create_service_area('   ', 42.3, -83.1, 2)", "area.name_blank", "needs a name"},
                    {"SELECT ops.create_service_area(NULL, 42.3, -83.1, 2)", "area.name_blank", "needs a name"},
                    {"SELECT ops.create_service_area('downtown DETROIT', 42.3, -83.1, 2)", "area.name_taken", "Downtown Detroit"},
                    {"SELECT ops.create_service_area(' Wall rules ', 42.3, -83.1, 2)", "area.name_taken", "ignoring capitals"},
                    {"SELECT ops.create_service_area('Wall North', 90.5, -83.1, 2)", "area.bad_latitude", "between -90 and 90"},
                    {"SELECT ops.create_service_area('Wall North', -91, -83.1, 2)", "area.bad_latitude", "-91"},
                    {"SELECT ops.create_service_area('Wall East', 42.3, 180.01, 2)", "area.bad_longitude", "between -180 and 180"},
                    {"SELECT ops.create_service_area('Wall East', 42.3, NULL, 2)", "area.bad_longitude", "nothing"},
                    {"SELECT ops.create_service_area('Wall Zero', 42.3, -83.1, 0)", "area.bad_radius", "from 1 to 100"},
                    {"SELECT ops.create_service_area('Wall Huge', 42.3, -83.1, 101)", "area.bad_radius", "101"},
                    {"SELECT ops.create_service_area('Wall Minus', 42.3, -83.1, -3)", "area.bad_radius", "-3"},
                    {"SELECT ops.edit_service_area('" + id + "', 1, 'Corktown', 42.2, -83.2, 2)", "area.name_taken", "Corktown"},
                    {"SELECT ops.edit_service_area('" + id + "', 1, '', 42.2, -83.2, 2)", "area.name_blank", "needs a name"},
                    {"SELECT ops.edit_service_area('" + id + "', 1, 'Wall Rules', 42.2, -83.2, 500)", "area.bad_radius", "500"},
                    {"SELECT ops.rename_service_area('" + id + "', 1, 'CORKTOWN')", "area.name_taken", "Corktown"},
                    {"SELECT ops.edit_service_area('" + UUID.randomUUID() + "', 1, 'X', 1, 1, 1)", "area.not_found", "no longer exists"},
                    {"SELECT ops.reactivate_service_area('" + id + "', 1)", "area.already_active", "already active"},
            };
            for (String[] c : cases) {
                assertThat(SqlProbe.stateOf(admin, c[0])).as(c[0]).isEqualTo("P0001");
                assertThat(SqlProbe.messageOf(admin, c[0])).as(c[0]).contains(c[1] + ": ").contains(c[2]);
            }
            assertThat(auditCount(admin)).isEqualTo(before);
            assertThat(value(admin, "SELECT name || ' ' || version || ' ' || radius_miles FROM service_areas WHERE id = '" + id + "'"))
                    .isEqualTo("Wall Rules 1 2");
            assertThat(value(admin, "SELECT count(*) FROM service_areas WHERE name LIKE 'Wall North%' OR name LIKE 'Wall East%'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void aStaleVersionIsAConflictNamingWhoChangedItAndWhen() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            UUID id = create(admin, "Wall Stale", "42.10", "-83.10", 2);
            intCall(admin, "SELECT ops.edit_service_area(?::uuid, 1, 'Wall Stale', 42.1, -83.1, 4)", id);
            String message = SqlProbe.messageOf(admin, "SELECT ops.edit_service_area('" + id + "', 1, 'Wall Stale', 42.1, -83.1, 9)");
            assertThat(message).contains("area.changed_meanwhile: demo_admin changed the area \"Wall Stale\" at ").contains("UTC");
            assertThat(value(admin, "SELECT radius_miles FROM service_areas WHERE id = '" + id + "'")).isEqualTo("4");
        }
    }

    @Test
    void twoConcurrentEditsOfOneAreaTheSecondGetsAConflictNotASilentOverwrite() throws Exception {
        UUID id;
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            id = create(admin, "Wall Race", "42.05", "-83.05", 2);
        }
        try (Connection first = db.connectAsDemo("demo_admin"); Connection second = db.connectAsDemo("demo_admin")) {
            first.setAutoCommit(false);
            assertThat(intCall(first, "SELECT ops.edit_service_area(?::uuid, 1, 'Wall Race', 42.05, -83.05, 5)", id)).isEqualTo(2);
            // the second admin opened the same version 1 and saves while the first has not committed
            CompletableFuture<String> late = CompletableFuture.supplyAsync(() ->
                    SqlProbe.messageOf(second, "SELECT ops.edit_service_area('" + id + "', 1, 'Wall Race', 42.05, -83.05, 7)"));
            Thread.sleep(300); // let it block on the row lock; the assertion holds whichever comes first
            first.commit();
            assertThat(late.get(30, TimeUnit.SECONDS)).contains("area.changed_meanwhile").contains("demo_admin");
            assertThat(value(second, "SELECT radius_miles || ' ' || version FROM service_areas WHERE id = '" + id + "'")).isEqualTo("5 2");
        }
    }

    @Test
    void renameRewritesEveryProvidersAreasAndTheSeedsNearbyQueryStillFindsThem() throws Exception {
        UUID downtown = rows.verifiedProvider("Rena Rename", "Downtown Detroit");
        UUID both = rows.provider("Bo Both", false, "Corktown", "Downtown Detroit");
        rows.update("UPDATE providers SET completed_jobs = 2000000, rating = 5 WHERE id = ?", downtown);
        String seed = seedQuery();
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(idsOf(admin, seed)).contains(downtown.toString());
            UUID area = UUID.fromString(value(admin, "SELECT id FROM service_areas WHERE name = 'Downtown Detroit'"));
            int version = Integer.parseInt(value(admin, "SELECT version FROM service_areas WHERE id = '" + area + "'"));
            int withName = Integer.parseInt(value(admin, "SELECT count(*) FROM providers WHERE service_areas @> ARRAY['Downtown Detroit']"));

            version = intCall(admin, "SELECT ops.rename_service_area(?::uuid, " + version + ", 'Detroit Central Business District')", area);
            assertThat(value(admin, "SELECT count(*) FROM providers WHERE service_areas @> ARRAY['Downtown Detroit']")).isEqualTo("0");
            assertThat(value(admin, "SELECT count(*) FROM providers WHERE service_areas @> ARRAY['Detroit Central Business District']"))
                    .isEqualTo(String.valueOf(withName));
            assertThat(value(admin, "SELECT array_to_string(service_areas, ',') FROM providers WHERE id = '" + both + "'"))
                    .isEqualTo("Corktown,Detroit Central Business District");
            assertThat(value(admin, "SELECT new_values ->> 'providers_renamed' FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                    .isEqualTo(String.valueOf(withName));
            // nobody names an area that does not exist
            assertThat(value(admin, "SELECT count(*) FROM providers p, unnest(p.service_areas) n "
                    + "WHERE n = 'Detroit Central Business District' AND NOT EXISTS (SELECT 1 FROM service_areas WHERE name = n)"))
                    .isEqualTo("0");
            // the seed's text still runs unchanged; the same query over the new name finds the provider
            idsOf(admin, seed);
            assertThat(idsOf(admin, seed.replace("'Downtown Detroit'", "'Detroit Central Business District'")))
                    .contains(downtown.toString());

            intCall(admin, "SELECT ops.rename_service_area(?::uuid, " + version + ", 'Downtown Detroit')", area);
            assertThat(idsOf(admin, seed)).contains(downtown.toString());
            assertThat(value(admin, "SELECT count(*) FROM providers WHERE service_areas @> ARRAY['Downtown Detroit']"))
                    .isEqualTo(String.valueOf(withName));
        }
    }

    @Test
    void deactivatingTheOnlyAreaOfProvidersNeedsConfirmationAndNamesThem() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            UUID id = create(admin, "Wall Lonely", "41.90", "-83.40", 3);
            rows.provider("Una Only", true, "Wall Lonely");
            rows.provider("Ola Only", false, "Wall Lonely");
            rows.provider("Tom Two", true, "Wall Lonely", "Corktown");
            long before = auditCount(admin);
            String refused = SqlProbe.messageOf(admin, "SELECT ops.deactivate_service_area('" + id + "', 1)");
            assertThat(refused).contains("area.sole_area_of_providers: 2 providers serve no active area but \"Wall Lonely\"")
                    .contains("Ola Only").contains("Una Only").doesNotContain("Tom Two").contains("Confirm");
            assertThat(value(admin, "SELECT active FROM service_areas WHERE id = '" + id + "'")).isEqualTo("t");
            assertThat(auditCount(admin)).isEqualTo(before);

            assertThat(intCall(admin, "SELECT ops.deactivate_service_area(?::uuid, 1, true)", id)).isEqualTo(2);
            assertThat(value(admin, "SELECT new_values ->> 'providers_left_without_area' FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                    .isEqualTo("2");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.deactivate_service_area('" + id + "', 2, true)"))
                    .contains("area.already_inactive");
            // providers keep the name: reactivating gives them their area back
            assertThat(value(admin, "SELECT count(*) FROM providers WHERE service_areas @> ARRAY['Wall Lonely']")).isEqualTo("3");
        }
    }

    @Test
    void everyAreaFunctionDeclaresItsPermissionAndIsGrantedToAdminsOnly() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            List<String> rowsOut = column(admin, """
                    SELECT p.proname || ' ' || obj_description(p.oid, 'pg_proc') || ' '
                           || has_function_privilege('tower_admin', p.oid, 'EXECUTE') || ' '
                           || has_function_privilege('tower_ops', p.oid, 'EXECUTE') || ' '
                           || has_function_privilege('tower_analyst', p.oid, 'EXECUTE') || ' ' || p.prosecdef
                    FROM pg_proc p WHERE p.pronamespace = 'ops'::regnamespace AND p.proname LIKE '%service_area%'
                    ORDER BY 1""");
            assertThat(rowsOut).containsExactly(
                    "create_service_area permission: MANAGE_SERVICE_AREAS true false false true",
                    "deactivate_service_area permission: MANAGE_SERVICE_AREAS true false false true",
                    "edit_service_area permission: MANAGE_SERVICE_AREAS true false false true",
                    "reactivate_service_area permission: MANAGE_SERVICE_AREAS true false false true",
                    "rename_service_area permission: MANAGE_SERVICE_AREAS true false false true");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static UUID create(Connection c, String name, String lat, String lng, int radius) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM ops.create_service_area(?, ?::numeric, ?::numeric, ?)")) {
            ps.setString(1, name);
            ps.setString(2, lat);
            ps.setString(3, lng);
            ps.setInt(4, radius);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(1);
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static int intCall(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    private static long auditCount(Connection c) throws SQLException {
        return Long.parseLong(value(c, "SELECT count(*) FROM audit_logs"));
    }

    private static void assertLastAudit(Connection c, String action, UUID id) throws SQLException {
        assertThat(value(c, "SELECT action_name || ' ' || table_name || ' ' || record_id || ' ' || actor_login "
                + "FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                .isEqualTo(action + " service_areas " + id + " demo_admin");
    }

    private static String value(Connection c, String sql) throws SQLException {
        return SqlProbe.value(c, sql);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        return SqlProbe.column(c, sql);
    }

    private static List<String> idsOf(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString("id"));
            }
        }
        return ids;
    }

    private static String seedQuery() throws Exception {
        try (var in = ServiceAreaFunctionsTest.class.getResourceAsStream("/seed-queries/000_find_nearby_providers.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
