package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.RefreshOutcome;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Every dashboard query reads a materialized view (or the small tables beside them), never the raw bookings. */
@UseClasspathSqlLocator
public interface AnalyticsDao {
    @SqlQuery
    @RegisterConstructorMapper(DailyPoint.class)
    List<DailyPoint> dailySeries(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("area") UUID area,
                                 @Bind("category") String category);

    @SqlQuery
    @RegisterConstructorMapper(CategoryTotal.class)
    List<CategoryTotal> byCategory(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("area") UUID area,
                                   @Bind("category") String category);

    @SqlQuery
    @RegisterConstructorMapper(AreaTotal.class)
    List<AreaTotal> byArea(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("area") UUID area,
                           @Bind("category") String category);

    @SqlQuery
    @RegisterConstructorMapper(WeeklyPoint.class)
    List<WeeklyPoint> weekly(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("area") UUID area,
                             @Bind("category") String category);

    @SqlQuery
    @RegisterConstructorMapper(FunnelRow.class)
    List<FunnelRow> funnel(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("area") UUID area,
                           @Bind("category") String category);

    /** A top-providers row and whether the candidate list is provably the exact answer. */
    record RankedProvider(java.util.UUID providerId, String name, long bookings, long completed,
                          java.math.BigDecimal revenue, long disputes, boolean exact) {
        TopProvider row() { return new TopProvider(providerId, name, bookings, completed, revenue, disputes); }
    }

    @SqlQuery
    @RegisterConstructorMapper(RankedProvider.class)
    List<RankedProvider> topProviders(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(TopProvider.class)
    List<TopProvider> topProvidersExact(@Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("limit") int limit);

    /**
     * How many of a slice's largest totals the filtered ranking reads first to set its bar: measured at a million
     * bookings, 200 keeps a single recent month as fast as a year; any number gives the same exact result.
     */
    int FILTERED_RANKING_LEADERS = 200;

    /**
     * Within an area and/or a category: exact, from running totals, pruned by the best of the slice's
     * {@code leaders} largest totals (topProvidersFiltered.sql says how).
     */
    @SqlQuery
    @RegisterConstructorMapper(TopProvider.class)
    List<TopProvider> topProvidersFiltered(@Bind("from") LocalDate from, @Bind("to") LocalDate to,
                                           @Bind("area") UUID area, @Bind("category") String category,
                                           @Bind("limit") int limit, @Bind("leaders") int leaders);

    /**
     * The best providers of the period, within the area and category when given (null: any). Unfiltered:
     * from each month's best when that is provably exact, else summed in full.
     */
    default List<TopProvider> bestProviders(LocalDate from, LocalDate to, UUID area, String category, int limit) {
        if (area != null || category != null) {
            return topProvidersFiltered(from, to, area, category, limit, Math.max(limit, FILTERED_RANKING_LEADERS));
        }
        List<RankedProvider> ranked = topProviders(from, to, limit);
        if (ranked.stream().allMatch(RankedProvider::exact)) {
            return ranked.stream().map(RankedProvider::row).toList();
        }
        return topProvidersExact(from, to, limit);
    }

    @SqlQuery
    @RegisterConstructorMapper(Freshness.class)
    List<Freshness> freshness();

    @SqlQuery
    @RegisterConstructorMapper(AreaChoice.class)
    List<AreaChoice> areas();

    @SqlQuery
    List<String> viewNames();

    @SqlQuery
    @RegisterConstructorMapper(RefreshOutcome.class)
    RefreshOutcome refresh(@Bind("view") String view, @Bind("concurrently") boolean concurrently);

    @SqlQuery
    long recordExport(@Bind("what") String what, @Bind("format") String format, @Bind("rows") int rows,
                      @Bind("columns") String[] columns);

    record StandbyPosition(boolean standby, String replayed, Double sinceLastCommit) {}

    @SqlQuery
    @RegisterConstructorMapper(StandbyPosition.class)
    StandbyPosition standbyPosition();

    @SqlQuery
    long bytesBehind(@Bind("replayed") String replayed);
}
