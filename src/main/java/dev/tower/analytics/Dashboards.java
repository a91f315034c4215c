package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.ReadStatus;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;

import java.util.List;

/** Everything the dashboards show for one filter, read in one go from the materialized views. */
public record Dashboards(AnalyticsFilter filter, List<DailyPoint> daily, List<CategoryTotal> categories,
                         List<AreaTotal> areas, List<WeeklyPoint> weekly, List<FunnelRow> funnel,
                         List<TopProvider> topProviders, List<Freshness> freshness, ReadStatus readStatus) {
}
