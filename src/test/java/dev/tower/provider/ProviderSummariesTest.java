package dev.tower.provider;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What V61 keeps from the providers (tab counts, per-area provider counts, each provider's document dates)
 * equals the exact query over the demo data, and stays equal after inserts, updates, deletes and
 * concurrent writers; only the roles that read providers read it, and nobody on staff writes it.
 */
class ProviderSummariesTest {
    /** Rows where the kept status counts and a fresh count disagree (none when right). */
    private static final String STATUS_DIFF = """
            SELECT count(*) FROM (
                (SELECT certification_status, providers FROM provider_status_counts WHERE providers > 0
                 EXCEPT SELECT certification_status, count(*) FROM providers GROUP BY 1)
                UNION ALL
                (SELECT certification_status, count(*) FROM providers GROUP BY 1
                 EXCEPT SELECT certification_status, providers FROM provider_status_counts)) d""";
    private static final String AREA_DIFF = """
            WITH exact AS (
                SELECT a.area_name, count(*) FILTER (WHERE coalesce(s.verified, false)) AS verified, count(*) AS providers
                FROM providers s CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(s.service_areas) x) a(area_name)
                WHERE a.area_name IS NOT NULL GROUP BY 1)
            SELECT count(*) FROM (
                (SELECT area_name, verified, providers FROM provider_area_counts WHERE providers > 0 OR verified > 0
                 EXCEPT SELECT * FROM exact)
                UNION ALL
                (SELECT * FROM exact EXCEPT SELECT area_name, verified, providers FROM provider_area_counts)) d""";
    /** Providers whose kept dates differ from the definitions in V61, computed afresh. */
    private static final String DATES_DIFF = """
            SELECT count(*) FROM providers p
            WHERE p.next_document_expiry IS DISTINCT FROM (
                      SELECT min(d.expires_on) FROM provider_documents d
                      WHERE d.provider_id = p.id AND d.expires_on IS NOT NULL AND d.decision <> 'rejected')
               OR p.required_documents_expire_on IS DISTINCT FROM (
                      SELECT min(k.until) FROM (
                          SELECT max(coalesce(d.expires_on, 'infinity'::date)) AS until
                          FROM provider_documents d
                          JOIN provider_required_documents r ON r.provider_type = p.type AND r.kind = d.kind
                          WHERE d.provider_id = p.id AND d.decision = 'approved' GROUP BY d.kind) k)""";
    /** The re-verification queue as it was defined before V61, to compare the kept date with. */
    private static final String REVERIFICATION_BY_DEFINITION = """
            SELECT count(DISTINCT d.provider_id)
            FROM provider_documents d
            JOIN providers p ON p.id = d.provider_id AND p.certification_status = 'verified'
            JOIN provider_required_documents r ON r.provider_type = p.type AND r.kind = d.kind
            WHERE d.expires_on < current_date + 30 AND d.decision = 'approved'
              AND NOT EXISTS (SELECT 1 FROM provider_documents fresh
                              WHERE fresh.provider_id = d.provider_id AND fresh.kind = d.kind AND fresh.decision = 'approved'
                                AND (fresh.expires_on IS NULL OR fresh.expires_on >= current_date + 30))""";

    private final TestDatabase db = TestDatabase.withDemoData();
    private final TestRows rows = TestRows.in(db);

    @Test
    void theKeptCountsAndDatesEqualTheExactQueriesOnTheDemoData() throws SQLException {
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM provider_status_counts WHERE providers > 0")).isNotEqualTo("0");
            assertAllAgree(su);
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM providers WHERE certification_status = 'verified'"
                    + " AND required_documents_expire_on < current_date + 30"))
                    .isEqualTo(SqlProbe.value(su, REVERIFICATION_BY_DEFINITION));
        }
    }

    @Test
    void insertsUpdatesAndDeletesKeepThemExact() throws SQLException {
        UUID a = rows.provider("Sam Summary", true, "Corktown", "Midtown Detroit");
        UUID b = rows.provider("Sue Summary", false, "Corktown", "Corktown", "Summary Nowhere");
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            assertAllAgree(su);
            s.execute("UPDATE providers SET certification_status = 'suspended', verified = false WHERE id = '" + a + "'");
            s.execute("UPDATE providers SET service_areas = ARRAY['Ferndale'] WHERE id = '" + b + "'");
            s.execute("UPDATE providers SET business_phone = '+1 313 555 0100' WHERE id IN ('" + a + "', '" + b + "')");
            assertAllAgree(su);
            // documents: a required one that runs out soon, then a fresher one, then a rejection, then a delete
            s.execute("UPDATE providers SET certification_status = 'verified', verified = true, type = 'courier' WHERE id = '" + b + "'");
            s.execute(document(b, "insurance", "approved", "current_date + 10"));
            assertAllAgree(su);
            assertThat(SqlProbe.value(su, "SELECT required_documents_expire_on = current_date + 10 FROM providers WHERE id = '" + b + "'"))
                    .isEqualTo("t");
            s.execute(document(b, "insurance", "approved", "current_date + 400"));
            s.execute(document(b, "drivers_licence", "pending", "current_date + 5"));
            assertAllAgree(su);
            s.execute("UPDATE provider_documents SET decision = 'rejected', reviewed_at = now(), reviewed_by = 'summary test',"
                    + " review_note = 'blurred' WHERE provider_id = '" + b + "' AND kind = 'drivers_licence'");
            s.execute("DELETE FROM provider_documents WHERE provider_id = '" + b + "' AND expires_on = current_date + 400");
            s.execute("UPDATE providers SET type = 'drone' WHERE id = '" + b + "'");
            assertAllAgree(su);
            s.execute("DELETE FROM provider_documents WHERE provider_id IN ('" + a + "', '" + b + "')");
            s.execute("DELETE FROM providers WHERE id IN ('" + a + "', '" + b + "')");
            assertAllAgree(su);
        }
    }

    @Test
    void concurrentWritersAddUpInsteadOfOverwritingEachOther() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(rows.provider("Cora Concurrent " + i, false, "Grosse Pointe", "Royal Oak"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (UUID id : ids) {
            writers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
                    start.await();
                    s.execute("UPDATE providers SET certification_status = 'verified', verified = true,"
                            + " service_areas = ARRAY['Royal Oak', 'Birmingham'] WHERE id = '" + id + "'");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            assertAllAgree(su);
            s.execute("DELETE FROM providers WHERE business_name LIKE 'Cora Concurrent%' OR user_id IN "
                    + "(SELECT id FROM profiles WHERE full_name LIKE 'Cora Concurrent%')");
            assertAllAgree(su);
        }
    }

    @Test
    void onlyAdminsAndOpsReadTheSummariesAndNobodyOnStaffWritesThem() throws SQLException {
        for (String login : List.of("demo_admin", "demo_ops")) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM provider_status_counts")).isNull();
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM provider_area_counts")).isNull();
                assertThat(SqlProbe.stateOf(c, "SELECT next_document_expiry, required_documents_expire_on FROM providers")).isNull();
            }
        }
        try (Connection analyst = db.connectAsDemo("demo_analyst")) {
            assertThat(SqlProbe.stateOf(analyst, "SELECT * FROM provider_status_counts")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(analyst, "SELECT * FROM provider_area_counts")).isEqualTo("42501");
        }
        for (String login : List.of("demo_admin", "demo_ops", "demo_analyst")) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "UPDATE provider_status_counts SET providers = 0")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "INSERT INTO provider_area_counts VALUES ('x', 1, 1)")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "DELETE FROM provider_area_counts")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.recount_providers()")).isEqualTo("42501");
            }
        }
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("DROP ROLE IF EXISTS summary_stranger");
            s.execute("CREATE ROLE summary_stranger LOGIN PASSWORD 'stranger-pass-1'");
            try (Connection stranger = db.connect("summary_stranger", "stranger-pass-1")) {
                assertThat(SqlProbe.stateOf(stranger, "SELECT * FROM provider_status_counts")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(stranger, "SELECT * FROM provider_area_counts")).isEqualTo("42501");
            } finally {
                s.execute("DROP ROLE summary_stranger");
            }
        }
    }

    private static String document(UUID provider, String kind, String decision, String expires) {
        String reviewed = decision.equals("pending") ? "NULL, NULL" : "now(), 'summary test'";
        return "INSERT INTO provider_documents (provider_id, kind, file_name, content_type, sha256, decision, expires_on,"
                + " reviewed_at, reviewed_by) SELECT '" + provider + "', '" + kind + "', 'summary.pdf', 'application/pdf',"
                + " sha256, '" + decision + "', " + expires + ", " + reviewed + " FROM document_files LIMIT 1";
    }

    private static void assertAllAgree(Connection su) throws SQLException {
        assertThat(SqlProbe.value(su, STATUS_DIFF)).as("status counts differ").isEqualTo("0");
        assertThat(SqlProbe.value(su, AREA_DIFF)).as("area counts differ").isEqualTo("0");
        assertThat(SqlProbe.value(su, DATES_DIFF)).as("document dates differ").isEqualTo("0");
    }
}
