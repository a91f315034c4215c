package dev.tower.analytics;

import java.util.List;

/**
 * The dashboards, each read from one materialized view (whose age it shows). Top providers reads a second
 * view, of each provider's running totals per area and category, when the filter narrows the area or
 * category; unfiltered, its per-month view ranks faster.
 */
public enum DashboardKind {
    REVENUE("Revenue and refunds", "Revenue", "analytics_daily_bookings", null),
    CATEGORIES("Bookings by category", "Categories", "analytics_daily_bookings", null),
    AREAS("Bookings by area", "Areas", "analytics_daily_bookings", null),
    DISPUTES("Dispute rate", "Disputes", "analytics_weekly_refunds_disputes", null),
    TOP_PROVIDERS("Top providers", "Top providers", "analytics_provider_months", "analytics_provider_running_totals"),
    FUNNEL("Verification funnel", "Verification", "analytics_verification_funnel", null);

    private final String title;
    private final String tabLabel;
    private final String viewName;
    private final String filteredViewName;

    DashboardKind(String title, String tabLabel, String viewName, String filteredViewName) {
        this.title = title;
        this.tabLabel = tabLabel;
        this.viewName = viewName;
        this.filteredViewName = filteredViewName;
    }

    public String title() { return title; }

    /** The tab's own word: six full titles side by side overflow the tab strip at the window's default width. */
    public String tabLabel() { return tabLabel; }

    /** The materialized view it opens from without an area or category filter. */
    public String viewName() { return viewName; }

    /** The materialized view it opens from for {@code filter} (null: unfiltered). */
    public String viewFor(AnalyticsFilter filter) {
        boolean narrowed = filter != null && (filter.areaId() != null || filter.category() != null);
        return narrowed && filteredViewName != null ? filteredViewName : viewName;
    }

    /** Every view its numbers may come from: what its Refresh button refreshes. */
    public List<String> viewNames() {
        return filteredViewName == null ? List.of(viewName) : List.of(viewName, filteredViewName);
    }

    /** Stable short name for node ids and file names. */
    public String key() { return name().toLowerCase().replace('_', '-'); }
}
