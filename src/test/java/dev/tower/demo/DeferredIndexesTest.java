package dev.tower.demo;

import dev.tower.db.DatabaseSetupException;
import dev.tower.db.RoleBootstrap;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The indexes a generation builds after its load's commit (demo/AfterCommitWork): recorded so that a crash
 * in between loses none, and recorded where only tower_setup, who runs the statements, can write.
 */
class DeferredIndexesTest {
    private static final String TRIGRAM = "public.idx_bookings_search_document_trgm";

    private final TestDatabase db = TestDatabase.get();
    private final Instant asOf = DemoDataGenerator.defaultAsOf(Clock.systemUTC());

    @Test
    void theSlowSingleCoreIndexesAndTheViewsAreBuiltAfterTheCommitAndNoRecordIsLeft() throws Exception {
        List<String> migrated = SchemaFingerprint.of(db.superuser());
        String started;
        try (Connection su = db.superuser().getConnection()) {
            started = SqlProbe.value(su, "SELECT clock_timestamp()::text");
        }
        DemoReport report = new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL);
        assertThat(report.stepTimes()).containsKeys("after commit / index " + TRIGRAM,
                "after commit / refresh analytics_provider_running_totals", "after commit / refresh provider_stats");
        // B-trees and expression indexes stay in the load: the first build on both cores, the second for ANALYZE
        assertThat(report.stepTimes()).containsKeys("rebuild / index idx_bookings_created_id", "rebuild / index idx_listings_search")
                .doesNotContainKey("rebuild / index idx_bookings_search_document_trgm");
        assertThat(SchemaFingerprint.of(db.superuser())).containsExactlyElementsOf(migrated);
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM tower_demo.deferred_index")).isEqualTo("0");
            // every view refreshed after this load, by tower_setup
            assertThat(SqlProbe.column(su, """
                    SELECT v.matviewname FROM pg_matviews v WHERE v.schemaname = 'public' AND NOT EXISTS (
                        SELECT 1 FROM mv_refresh_log l WHERE l.view_name = v.matviewname AND l.refreshed_by = 'tower_setup'
                          AND l.refreshed_at > '%s'::timestamptz)""".formatted(started))).isEmpty();
        }
    }

    @Test
    void anIndexWhoseBuildACrashInterruptedIsBuiltByTheNextGeneration() throws Exception {
        List<String> migrated = SchemaFingerprint.of(db.superuser());
        // the state a crash between the load's commit and the index build leaves: no index, its record
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            String create = SqlProbe.value(su, "SELECT pg_get_indexdef('" + TRIGRAM + "'::regclass)");
            s.execute("SET ROLE tower_setup");
            s.execute("DROP INDEX " + TRIGRAM);
            s.execute("INSERT INTO tower_demo.deferred_index (index_name, table_name, create_sql) VALUES ('"
                    + TRIGRAM + "', 'public.bookings', '" + create.replace("'", "''") + "')");
        }
        new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL);
        assertThat(SchemaFingerprint.of(db.superuser())).containsExactlyElementsOf(migrated);
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM tower_demo.deferred_index")).isEqualTo("0");
        }
    }

    @Test
    void aFailedBuildIsReportedInPlainWordsAndKeptForTheNextGeneration() throws Exception {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("SET ROLE tower_setup");
            s.execute("""
                    INSERT INTO tower_demo.deferred_index (index_name, table_name, create_sql)
                    VALUES ('public.test_unbuildable', 'public.bookings',
                            'CREATE INDEX test_unbuildable ON public.bookings USING gin (no_such_column)')""");
        }
        try {
            assertThatThrownBy(() -> new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("the demo rows are in, but index public.test_unbuildable failed")
                    .hasMessageContaining("no_such_column")
                    .hasMessageContaining("Generating the demo again finishes it");
            try (Connection su = db.superuser().getConnection()) {
                assertThat(SqlProbe.value(su, "SELECT count(*) FROM bookings")).isEqualTo("6000");
                assertThat(SqlProbe.column(su, "SELECT index_name FROM tower_demo.deferred_index"))
                        .containsExactly("public.test_unbuildable");
                // the other lane went on: the real index is back
                assertThat(SqlProbe.value(su, "SELECT to_regclass('" + TRIGRAM + "') IS NOT NULL")).isEqualTo("t");
            }
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("DELETE FROM tower_demo.deferred_index WHERE index_name = 'public.test_unbuildable'");
            }
        }
    }

    @Test
    void noStaffRoleNorTheOwnerCanReadOrWriteTheRecord() throws Exception {
        for (String login : List.of("demo_admin", "demo_ops", "demo_analyst")) {
            try (Connection staff = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(staff, "SELECT * FROM tower_demo.deferred_index")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(staff, """
                        INSERT INTO tower_demo.deferred_index (index_name, table_name, create_sql)
                        VALUES ('public.x', 'public.bookings', 'ALTER ROLE demo_ops SUPERUSER')""")).as(login).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(staff, "CREATE TABLE tower_demo.x (a int)")).as(login).isEqualTo("42501");
            }
        }
        // an admin may become the owner of the marketplace's tables, which is not the record's owner
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            for (String sql : List.of("SET ROLE tower_owner; SELECT * FROM tower_demo.deferred_index",
                    "SET ROLE tower_owner; DELETE FROM tower_demo.deferred_index",
                    "SET ROLE tower_owner; ALTER TABLE tower_demo.deferred_index OWNER TO tower_owner",
                    "SET ROLE tower_owner; CREATE TABLE tower_demo.x (a int)",
                    "SET ROLE tower_setup")) {
                assertThat(SqlProbe.stateOf(admin, sql)).as(sql).isEqualTo("42501");
            }
        }
    }

    @Test
    void aRecordSomebodyElseOwnsIsRefused() throws Exception {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("ALTER TABLE tower_demo.deferred_index OWNER TO tower_owner");
        }
        try {
            assertThatThrownBy(() -> new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("tower_demo.deferred_index belongs to tower_owner, not tower_setup");
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("ALTER TABLE tower_demo.deferred_index OWNER TO tower_setup");
            }
        }
    }

    @Test
    void aSchemaSomebodyElseOwnsIsRefused() throws Exception {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("ALTER SCHEMA tower_demo OWNER TO tower_owner");
        }
        try {
            assertThatThrownBy(() -> new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("schema tower_demo belongs to tower_owner, not tower_setup");
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("ALTER SCHEMA tower_demo OWNER TO tower_setup");
            }
        }
    }

    @Test
    void theBootstrapRefusesASchemaOfThatNameSomebodyElseMade() throws Exception {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("ALTER SCHEMA tower_demo RENAME TO tower_demo_kept");
            s.execute("CREATE SCHEMA tower_demo AUTHORIZATION tower_owner");
        }
        try {
            assertThatThrownBy(() -> RoleBootstrap.ensureRoles(db.superuser()))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("Schema tower_demo belongs to tower_owner, not tower_setup");
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("DROP SCHEMA tower_demo");
                s.execute("ALTER SCHEMA tower_demo_kept RENAME TO tower_demo");
            }
        }
    }
}
