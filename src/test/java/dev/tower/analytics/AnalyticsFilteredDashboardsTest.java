package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard under the area and category filters, read from the materialized views as the analyst,
 * equals the same numbers aggregated directly over the raw tables (as the superuser, right after a refresh).
 */
class AnalyticsFilteredDashboardsTest {
    private static TestDatabase db;
    private static Jdbi raw;

    @BeforeAll
    static void demoData() {
        db = TestDatabase.withDemoData();
        raw = Jdbi.create(db.superuser());
        // other tests change bookings: the views must hold what the raw tables hold now
        raw.useHandle(h -> h.createQuery("SELECT view_name FROM analytics_views").mapTo(String.class).list()
                .forEach(v -> h.execute("REFRESH MATERIALIZED VIEW " + v)));
    }

    /** Area only, category only, both, neither, over several periods: each against the raw tables. */
    private static List<AnalyticsFilter> filters() {
        LocalDate to = LocalDate.now(AnalyticsFilter.MARKET_ZONE);
        UUID downtown = raw.withHandle(h -> h.createQuery(
                "SELECT id FROM service_areas WHERE name = 'Downtown Detroit'").mapTo(UUID.class).one());
        LocalDate from = to.minusYears(2);
        return List.of(new AnalyticsFilter(from, to, downtown, null), new AnalyticsFilter(from, to, null, "courier"),
                new AnalyticsFilter(from, to, downtown, "food_delivery"), new AnalyticsFilter(from, to, null, null),
                new AnalyticsFilter(to.minusMonths(3), to, downtown, "courier"),
                // periods that end before the data does, one of a single month: running totals subtract both ends
                new AnalyticsFilter(to.minusMonths(7), to.minusMonths(4), null, "food_delivery"),
                new AnalyticsFilter(to.minusMonths(8), to.minusMonths(8), downtown, null));
    }

    private static final String BOOKINGS_IN_FILTER = """
            FROM bookings b JOIN listings l ON l.id = b.listing_id
            WHERE b.created_at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'America/Detroit')
              AND b.created_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'America/Detroit')
              AND (CAST(:area AS uuid) IS NULL OR b.service_area_id = CAST(:area AS uuid))
              AND (CAST(:category AS text) IS NULL OR l.category::text = CAST(:category AS text))
            """;

    @Test
    void bookingsRevenueCategoriesAndAreasEqualTheRawAggregate() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (AnalyticsFilter f : filters()) {
                Dashboards d = service(analyst).dashboards(f);
                List<DailyPoint> daily = rawQuery(f, """
                        SELECT (b.created_at AT TIME ZONE 'America/Detroit')::date AS day, count(*) AS bookings,
                               coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue,
                               coalesce(sum(b.refund_amount), 0) AS refunded
                        """ + BOOKINGS_IN_FILTER + " GROUP BY 1 ORDER BY 1", DailyPoint.class);
                assertThat(d.daily()).as("daily %s", f).isNotEmpty();
                assertSame(d.daily(), daily, "daily %s", f);

                List<CategoryTotal> categories = rawQuery(f, """
                        SELECT l.category::text AS category, count(*) AS bookings,
                               coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue
                        """ + BOOKINGS_IN_FILTER + " GROUP BY 1 ORDER BY 2 DESC, 1", CategoryTotal.class);
                assertSame(d.categories(), categories, "categories %s", f);

                List<AreaTotal> areas = rawQuery(f, """
                        SELECT b.service_area_id AS area_id, coalesce(a.name, 'Outside every area') AS area,
                               count(*) AS bookings,
                               coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue
                        """ + BOOKINGS_IN_FILTER.replace("JOIN listings l ON l.id = b.listing_id",
                        "JOIN listings l ON l.id = b.listing_id LEFT JOIN service_areas a ON a.id = b.service_area_id")
                        + " GROUP BY 1, 2 ORDER BY 3 DESC, 2", AreaTotal.class);
                assertSame(d.areas(), areas, "areas %s", f);
                if (f.areaId() != null) {
                    assertThat(d.areas()).extracting(AreaTotal::areaId).containsOnly(f.areaId());
                }
            }
        }
    }

    @Test
    void refundsAndDisputesByWeekEqualTheRawAggregate() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (AnalyticsFilter f : filters()) {
                List<WeeklyPoint> weekly = service(analyst).dashboards(f).weekly();
                String narrowed = """
                        JOIN bookings b ON b.id = x.booking_id JOIN listings l ON l.id = b.listing_id
                        WHERE (CAST(:area AS uuid) IS NULL OR b.service_area_id = CAST(:area AS uuid))
                          AND (CAST(:category AS text) IS NULL OR l.category::text = CAST(:category AS text))""";
                List<WeeklyPoint> expected = rawQuery(f, """
                        WITH booked AS (
                            SELECT date_trunc('week', b.created_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS n
                            FROM bookings b JOIN listings l ON l.id = b.listing_id
                            WHERE (CAST(:area AS uuid) IS NULL OR b.service_area_id = CAST(:area AS uuid))
                              AND (CAST(:category AS text) IS NULL OR l.category::text = CAST(:category AS text))
                            GROUP BY 1
                        ), refunded AS (
                            SELECT date_trunc('week', coalesce(x.decided_at, x.requested_at) AT TIME ZONE 'America/Detroit')::date AS week,
                                   count(*) AS n, sum(x.amount) AS amount
                            FROM refunds x %s AND x.status = 'issued' GROUP BY 1
                        ), disputed AS (
                            SELECT date_trunc('week', x.opened_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS n
                            FROM disputes x %s GROUP BY 1
                        ), weeks AS (SELECT week FROM booked UNION SELECT week FROM refunded UNION SELECT week FROM disputed)
                        SELECT w.week, coalesce(bk.n, 0) AS bookings, coalesce(r.n, 0) AS refunds,
                               coalesce(r.amount, 0) AS refunded_amount, coalesce(d.n, 0) AS disputes_opened
                        FROM weeks w LEFT JOIN booked bk USING (week) LEFT JOIN refunded r USING (week)
                        LEFT JOIN disputed d USING (week)
                        WHERE w.week >= date_trunc('week', CAST(:from AS date))::date AND w.week <= :to
                        ORDER BY 1""".formatted(narrowed, narrowed), WeeklyPoint.class);
                assertThat(weekly).as("weeks %s", f).isNotEmpty();
                assertSame(weekly, expected, "weeks %s", f);
            }
        }
    }

    @Test
    void theFunnelCountsEachProviderOnceInTheAreaAndCategoryAsTheRawTablesDo() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (AnalyticsFilter f : filters()) {
                List<FunnelRow> funnel = service(analyst).dashboards(f).funnel();
                List<FunnelRow> expected = rawQuery(f, """
                        WITH decided AS (
                            SELECT d.provider_id, max(d.reviewed_at) AS last_decision_at
                            FROM provider_documents d WHERE d.reviewed_at IS NOT NULL GROUP BY 1
                        )
                        SELECT date_trunc('month', p.submitted_for_verification_at AT TIME ZONE 'America/Detroit')::date AS month,
                               p.type::text AS provider_type, count(*) AS submitted,
                               count(*) FILTER (WHERE p.certification_status = 'verified') AS verified,
                               count(*) FILTER (WHERE p.certification_status = 'rejected') AS rejected,
                               count(*) FILTER (WHERE p.certification_status = 'suspended') AS suspended,
                               count(*) FILTER (WHERE p.certification_status = 'pending') AS pending,
                               round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.last_decision_at
                                        - p.submitted_for_verification_at) / 3600)
                                      FILTER (WHERE p.certification_status = 'verified'
                                                AND d.last_decision_at >= p.submitted_for_verification_at))::numeric, 1)
                                   AS median_hours_to_verify
                        FROM providers p LEFT JOIN decided d ON d.provider_id = p.id
                        WHERE (CAST(:area AS uuid) IS NULL OR EXISTS (SELECT 1 FROM service_areas a
                                   WHERE a.id = CAST(:area AS uuid) AND a.name = ANY (p.service_areas)))
                          AND (CAST(:category AS text) IS NULL OR CAST(:category AS text) = ANY (p.service_categories))
                        GROUP BY 1, 2
                        ORDER BY 1, 2""", FunnelRow.class).stream()
                        .filter(r -> r.month() != null && !r.month().isBefore(f.from().withDayOfMonth(1)) && !r.month().isAfter(f.to()))
                        .toList();
                assertThat(funnel).as("funnel %s", f).isNotEmpty();
                assertSame(funnel, expected, "funnel %s", f);
            }
            // narrowing can only drop providers: each filtered stage is at most the unfiltered one
            List<AnalyticsFilter> fs = filters();
            long all = submitted(service(analyst).dashboards(fs.get(3)).funnel());
            long downtown = submitted(service(analyst).dashboards(fs.get(0)).funnel());
            assertThat(downtown).isPositive().isLessThan(all);
        }
    }

    @Test
    void topProvidersWithinAnAreaOrCategoryEqualTheRawRanking() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (AnalyticsFilter f : filters()) {
                List<TopProvider> top = service(analyst).dashboards(f).topProviders();
                List<TopProvider> expected = rawTop(f, AnalyticsService.TOP_PROVIDERS);
                assertThat(top).as("top %s", f).isNotEmpty();
                assertSame(top, expected, "top %s", f);
            }
        }
    }

    /**
     * The filtered ranking sets its bar from the slice's largest totals; the demo's slices are smaller than the
     * app's 200 leaders, so here a bar from as few leaders as the ranking's length, or a few more, and short
     * rankings, where providers below the leaders' totals must still be found when their period was better.
     */
    @Test
    void aBarFromFewLeadersStillFindsEveryProviderOfTheTop() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (AnalyticsFilter f : filters()) {
                if (f.areaId() == null && f.category() == null) {
                    continue; // unfiltered rankings read the per-month view
                }
                for (int limit : new int[] {1, 3, 8}) {
                    for (int leaders : new int[] {limit, limit + 2}) {
                        List<TopProvider> top = analyst.session().jdbi().withExtension(AnalyticsDao.class,
                                dao -> dao.topProvidersFiltered(f.from(), f.to(), f.areaId(), f.category(), limit, leaders));
                        assertSame(top, rawTop(f, limit), "top " + limit + " from " + leaders + " leaders, %s", f);
                    }
                }
            }
        }
    }

    private static List<TopProvider> rawTop(AnalyticsFilter f, int limit) {
        return rawQuery(f, """
                        SELECT b.provider_id, coalesce(p.business_name, 'Provider ' || left(b.provider_id::text, 8)) AS name,
                               count(*) AS bookings, count(*) FILTER (WHERE b.status = 'completed') AS completed,
                               coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue,
                               coalesce(sum((SELECT count(*) FROM disputes d WHERE d.booking_id = b.id)), 0) AS disputes
                        """ + BOOKINGS_IN_FILTER.replace("FROM bookings b", "FROM bookings b JOIN providers p ON p.id = b.provider_id")
                        .replace("b.created_at >= (CAST(:from AS date)::timestamp",
                                "b.created_at >= (date_trunc('month', CAST(:from AS date))::timestamp")
                        .replace("< ((CAST(:to AS date) + 1)::timestamp",
                                "< ((date_trunc('month', CAST(:to AS date)) + interval '1 month')::timestamp")
                        + " GROUP BY 1, 2 ORDER BY revenue DESC, 1 LIMIT " + limit, TopProvider.class);
    }

    private static long submitted(List<FunnelRow> rows) {
        return rows.stream().mapToLong(FunnelRow::submitted).sum();
    }

    private static AnalyticsService service(AdminSession s) {
        return new AnalyticsService(s.session(), AnalyticsSource.primaryOnly(s.session()));
    }

    private static <T> List<T> rawQuery(AnalyticsFilter f, String sql, Class<T> type) {
        return raw.withHandle((Handle h) -> {
            h.registerRowMapper(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.factory(type));
            return h.createQuery(sql).bind("from", f.from()).bind("to", f.to()).bind("area", f.areaId())
                    .bind("category", f.category()).mapTo(type).list();
        });
    }

    /** Row by row, amounts compared by value (a view's sum may carry another scale than a fresh one). */
    private static <T> void assertSame(List<T> actual, List<T> expected, String what, Object filter) {
        assertThat(actual).as(what, filter).hasSameSizeAs(expected);
        assertThat(actual).as(what, filter).usingRecursiveFieldByFieldElementComparator(
                org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(expected);
    }
}
