package dev.tower.analytics;

/** The dashboards, each read from one materialized view (whose age it shows). */
public enum DashboardKind {
    REVENUE("Revenue and refunds", "analytics_daily_bookings"),
    CATEGORIES("Bookings by category", "analytics_daily_bookings"),
    AREAS("Bookings by area", "analytics_daily_bookings"),
    DISPUTES("Dispute rate", "analytics_weekly_refunds_disputes"),
    TOP_PROVIDERS("Top providers", "analytics_provider_months"),
    FUNNEL("Verification funnel", "analytics_verification_funnel");

    private final String title;
    private final String viewName;

    DashboardKind(String title, String viewName) {
        this.title = title;
        this.viewName = viewName;
    }

    public String title() { return title; }

    /** The materialized view it opens from. */
    public String viewName() { return viewName; }

    /** Stable short name for node ids and file names. */
    public String key() { return name().toLowerCase().replace('_', '-'); }
}
