package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import dev.tower.ui.kit.ExportTable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Each dashboard's numbers as a table: what its table view shows and what its CSV export holds (the
 * same cells). Only aggregates and provider business names: no customer ever appears.
 */
public final class DashboardTables {
    private DashboardTables() {}

    public static ExportTable of(DashboardKind kind, Dashboards d) {
        String name = kind.title() + " " + d.filter().from() + " to " + d.filter().to();
        return switch (kind) {
            case REVENUE -> new ExportTable(name, List.of("Day", "Bookings", "Revenue (USD)", "Refunded (USD)"),
                    d.daily().stream().map(DashboardTables::row).toList());
            case CATEGORIES -> new ExportTable(name, List.of("Category", "Bookings", "Revenue (USD)"),
                    d.categories().stream().map(DashboardTables::row).toList());
            case AREAS -> new ExportTable(name, List.of("Service area", "Bookings", "Revenue (USD)"),
                    d.areas().stream().map(DashboardTables::row).toList());
            case DISPUTES -> new ExportTable(name, List.of("Week of", "Bookings", "Disputes opened",
                    "Dispute rate (%)", "Refunds", "Refunded (USD)"), d.weekly().stream().map(DashboardTables::row).toList());
            case TOP_PROVIDERS -> new ExportTable(name, List.of("Provider", "Bookings", "Completed", "Revenue (USD)",
                    "Disputes"), d.topProviders().stream().map(DashboardTables::row).toList());
            case FUNNEL -> new ExportTable(name, List.of("Month", "Provider type", "Submitted", "Verified", "Rejected",
                    "Suspended", "Waiting", "Median hours to verify"), d.funnel().stream().map(DashboardTables::row).toList());
        };
    }

    /** Category keys ("food_delivery") as people say them. */
    public static String categoryLabel(String category) {
        if (category == null) {
            return "Any category";
        }
        String words = category.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static List<String> row(DailyPoint p) {
        return List.of(p.day().toString(), Long.toString(p.bookings()), money(p.revenue()), money(p.refunded()));
    }

    private static List<String> row(CategoryTotal c) {
        return List.of(categoryLabel(c.category()), Long.toString(c.bookings()), money(c.revenue()));
    }

    private static List<String> row(AreaTotal a) {
        return List.of(a.area(), Long.toString(a.bookings()), money(a.revenue()));
    }

    private static List<String> row(WeeklyPoint w) {
        return List.of(w.week().toString(), Long.toString(w.bookings()), Long.toString(w.disputesOpened()),
                w.disputeRatePercent().toPlainString(), Long.toString(w.refunds()), money(w.refundedAmount()));
    }

    private static List<String> row(TopProvider t) {
        return List.of(t.name(), Long.toString(t.bookings()), Long.toString(t.completed()), money(t.revenue()),
                Long.toString(t.disputes()));
    }

    private static List<String> row(FunnelRow f) {
        return List.of(f.month().toString().substring(0, 7), f.providerType(), Long.toString(f.submitted()),
                Long.toString(f.verified()), Long.toString(f.rejected()), Long.toString(f.suspended()),
                Long.toString(f.pending()), f.medianHoursToVerify() == null ? "" : f.medianHoursToVerify().toPlainString());
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "0.00" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
