package dev.tower.schema;

import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' own example queries, copied verbatim into {@code src/main/resources/seed-queries} (the bench runs them too), run unchanged
 * against the migrated schema. Queries with {@code $n} parameters run as {@code PREPARE q(...) AS <text>},
 * so not a character of the seed's text is altered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedQueriesTest {
    static final String NEARBY = "000_find_nearby_providers.sql";
    static final String HISTORY = "000_consumer_booking_history.sql";
    static final String SEARCH = "000_search_listings_with_filters.sql";
    static final String PROVIDER_STATS = "000_provider_stats_query.sql";
    static final String DASHBOARD_STATS = "001_provider_dashboard_stats_query.sql";

    /** A word no other fixture uses, so the full-text search can only find this class's listing. */
    private static final String SEARCH_WORD = "kestrelvue";

    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    private UUID consumer;
    private UUID provider;
    private UUID listing;
    private UUID booking;

    @BeforeAll
    void fixture() {
        consumer = rows.consumer("Casey Consumer");
        provider = rows.verifiedProvider("Pat Provider", "Downtown Detroit");
        // top of the seed's ORDER BY rating DESC, completed_jobs DESC, whatever else the database holds
        rows.update("UPDATE providers SET completed_jobs = 1000000 WHERE id = ?", provider);
        listing = rows.listing(provider, "aerial_imaging", "Kestrelvue aerial photos of Detroit",
                "Drone photography of rooftops and events", new BigDecimal("120.00"));
        booking = rows.booking(consumer, provider, listing, "completed");
    }

    static String seedQuery(String name) {
        try (InputStream in = SeedQueriesTest.class.getResourceAsStream("/seed-queries/" + name)) {
            assertThat(in).as("resource seed-queries/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void findNearbyProvidersFindsTheVerifiedDowntownProvider() throws Exception {
        List<Map<String, Object>> result = query(seedQuery(NEARBY));
        Map<String, Object> row = rowWithId(result, "id", provider);
        assertThat(row).as("nearby providers should list provider %s; got %s", provider, result).isNotNull();
        assertThat(row.get("full_name")).isEqualTo("Pat Provider");
        assertThat(((Number) row.get("listing_count")).longValue()).isEqualTo(1L);
        assertThat((BigDecimal) row.get("avg_price")).isEqualByComparingTo("120.00");
    }

    @Test
    void findNearbyProvidersIgnoresUnverifiedProviders() throws Exception {
        UUID unverified = rows.provider("Una Unverified", false, "Downtown Detroit");
        assertThat(rowWithId(query(seedQuery(NEARBY)), "id", unverified)).isNull();
    }

    @Test
    void consumerBookingHistoryReturnsTheBookingWithItsServiceTitle() throws Exception {
        List<Map<String, Object>> result = query(
                "PREPARE q(uuid) AS " + seedQuery(HISTORY),
                "EXECUTE q('" + consumer + "')");
        assertThat(result).hasSize(1);
        Map<String, Object> row = result.getFirst();
        assertThat(row.get("id")).isEqualTo(booking);
        assertThat(row.get("service_title")).isEqualTo("Kestrelvue aerial photos of Detroit");
        assertThat(row.get("category")).hasToString("aerial_imaging");
        assertThat(row.get("provider_name")).isEqualTo("Pat Provider");
    }

    @Test
    void searchListingsWithFiltersRanksTheMatchingListing() throws Exception {
        List<Map<String, Object>> result = query(
                "PREPARE q(text, service_category, numeric) AS " + seedQuery(SEARCH),
                "EXECUTE q('" + SEARCH_WORD + " photos', 'aerial_imaging', 4.5)");
        assertThat(result).hasSize(1);
        Map<String, Object> row = result.getFirst();
        assertThat(row.get("id")).isEqualTo(listing);
        assertThat(((Number) row.get("search_rank")).doubleValue()).isGreaterThan(0.0);
        assertThat(row.get("provider_verified")).isEqualTo(true);
        assertThat(row.get("provider_name")).isEqualTo("Pat Provider");
    }

    @Test
    void searchListingsWithFiltersAppliesTheCategoryFilter() throws Exception {
        List<Map<String, Object>> result = query(
                "PREPARE q(text, service_category, numeric) AS " + seedQuery(SEARCH),
                "EXECUTE q('" + SEARCH_WORD + " photos', 'courier', 0)");
        assertThat(result).isEmpty();
    }

    @Test
    void providerStatsQueryRunsAsAPlainSelect() throws Exception {
        Map<String, Object> row = rowWithId(query(seedQuery(PROVIDER_STATS)), "id", provider);
        assertThat(row).isNotNull();
        assertThat(((Number) row.get("active_listings")).longValue()).isEqualTo(1L);
        assertThat(((Number) row.get("jobs_last_30_days")).longValue()).isEqualTo(1L);
        assertThat((BigDecimal) row.get("avg_order_value_30_days")).isEqualByComparingTo("42.50");
    }

    @Test
    void providerDashboardStatsQueryRunsAsAPlainSelect() throws Exception {
        Map<String, Object> row = rowWithId(query(seedQuery(DASHBOARD_STATS)), "provider_id", provider);
        assertThat(row).isNotNull();
        assertThat(row.get("business_name")).as("falls back to the person's name").isEqualTo("Pat Provider");
        assertThat(((Number) row.get("total_orders")).longValue()).isEqualTo(1L);
        assertThat(((Number) row.get("completed_orders")).longValue()).isEqualTo(1L);
        assertThat((BigDecimal) row.get("total_earnings")).isEqualByComparingTo("42.50");
    }

    @ParameterizedTest(name = "REFRESH MATERIALIZED VIEW CONCURRENTLY {0}")
    @ValueSource(strings = {"provider_stats", "provider_dashboard_stats"})
    void materializedViewsRefreshConcurrently(String view) throws Exception {
        String key = view.equals("provider_stats") ? "id" : "provider_id";
        query("REFRESH MATERIALIZED VIEW CONCURRENTLY " + view);
        assertThat(rowWithId(query("SELECT * FROM " + view), key, provider))
                .as("%s holds the fixture provider after the refresh", view).isNotNull();
        // twice: the second concurrent refresh diffs against a populated view
        query("REFRESH MATERIALIZED VIEW CONCURRENTLY " + view);
    }

    /** Runs each statement in turn on one superuser connection; returns the rows of the last one. */
    private List<Map<String, Object>> query(String... statements) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                out.clear();
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            Map<String, Object> row = new HashMap<>();
                            for (int i = 1; i <= n; i++) {
                                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                            }
                            out.add(row);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, Object> rowWithId(List<Map<String, Object>> rows, String column, UUID id) {
        return rows.stream().filter(r -> id.equals(r.get(column))).findFirst().orElse(null);
    }
}
