package dev.tower.schema;

import dev.tower.db.Migrator;
import dev.tower.testing.TestDatabase;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture migrated a brand-new cluster; this checks what that produced. */
class MigrationFromEmptyTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void everyMigrationAppliedAndNonePending() {
        Migrator migrator = new Migrator(db.settings("postgres", db.superuserPassword()));
        assertThat(migrator.pending()).isEmpty();
        assertThat(migrator.all()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
    }

    @Test
    void unionOfBothSeedsExists() throws Exception {
        List<String> expected = List.of(
                // 000
                "profiles", "providers", "listings", "bookings", "reviews", "messages", "service_areas",
                // 001
                "user_profiles", "user_settings", "customer_profiles", "customer_preferences", "provider_schedules",
                "order_items", "payments", "ref_codes", "system_config", "notifications",
                "cache_store", "analytics_events",
                // console
                "provider_documents", "document_files", "disputes", "refunds", "booking_status_history",
                "booking_status_transitions", "mv_refresh_log");
        assertThat(relations("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).containsAll(expected);
        assertThat(relations("SELECT viewname FROM pg_views WHERE schemaname = 'public'"))
                .contains("users", "provider_profiles", "provider_services", "orders",
                        // views over the tables moved to tower_audit / tower_staff by the bootstrap
                        "audit_logs", "staff_members");
        assertThat(relations("SELECT matviewname FROM pg_matviews WHERE schemaname = 'public'"))
                .contains("provider_stats", "provider_dashboard_stats");
        assertThat(relations("SELECT name FROM service_areas ORDER BY name")).containsExactly(
                "Birmingham", "Corktown", "Dearborn", "Downtown Detroit", "Ferndale", "Grosse Pointe",
                "Midtown Detroit", "Royal Oak");
    }

    @Test
    void everyObjectIsOwnedByTheOwnerRole() throws Exception {
        assertThat(relations("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r','v','m','S','i','p')
                  AND pg_get_userbyid(c.relowner) <> 'tower_owner'
                  -- read-only views of the log and registry no staff role may own (db/bootstrap/*.sql)
                  AND (c.relname, pg_get_userbyid(c.relowner)) NOT IN (('audit_logs', 'tower_audit'), ('staff_members', 'tower_security'))""")).isEmpty();
        assertThat(relations("""
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'tower_owner'""")).isEmpty();
    }

    @Test
    void fullTextIndexesFromBothSeeds() throws Exception {
        assertThat(relations("SELECT indexname FROM pg_indexes WHERE tablename = 'listings' AND indexdef ILIKE '%gin%'"))
                .contains("idx_listings_search", "idx_provider_services_search", "idx_provider_services_tags");
    }

    private List<String> relations(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
