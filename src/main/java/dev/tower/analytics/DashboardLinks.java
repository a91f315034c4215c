package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.FunnelStage;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import dev.tower.ui.kit.Place;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a click on a bar or point leads: the bookings browser ("bookings" section) filtered to that
 * day, week, category, area or provider, keeping the dashboard's other filters; a funnel stage leads to
 * the providers' verification queue ("providers" section) on that status's tab, in the area.
 */
final class DashboardLinks {
    static final String BOOKINGS = "bookings";
    static final String PROVIDERS = "providers";

    private DashboardLinks() {}

    /**
     * The verification queue showing the providers at {@code stage}: its status tab, narrowed to the
     * dashboard's area ({@code areaName}, null: any). The queue has no category or period filter, so those
     * stay behind; "Submitted" is every status at once, which no tab shows.
     */
    static Optional<Place> providersFor(FunnelStage stage, String areaName) {
        if (stage.status() == null) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("status", stage.status());
        p.put("area", areaName);
        return Optional.of(Place.query(PROVIDERS, p));
    }

    static Optional<Place> bookingsFor(DashboardKind kind, Object item, AnalyticsFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        LocalDate from = f.from();
        LocalDate to = f.to();
        String area = f.areaId() == null ? null : f.areaId().toString();
        String category = f.category();
        switch (item) {
            case DailyPoint d when kind == DashboardKind.REVENUE -> {
                from = d.day();
                to = d.day();
            }
            case WeeklyPoint w when kind == DashboardKind.DISPUTES -> {
                from = w.week();
                to = w.week().plusDays(6);
            }
            case CategoryTotal c when kind == DashboardKind.CATEGORIES -> category = c.category();
            case AreaTotal a when kind == DashboardKind.AREAS -> {
                if (a.areaId() == null) {
                    return Optional.empty(); // "outside every area" is no filter the browser has
                }
                area = a.areaId().toString();
            }
            case TopProvider t when kind == DashboardKind.TOP_PROVIDERS -> {
                p.put("provider", t.providerId().toString());
                p.put("providerName", t.name()); // its numbers were counted within the area and category
            }
            default -> {
                return Optional.empty();
            }
        }
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("area", area);
        p.put("category", category);
        return Optional.of(Place.query(BOOKINGS, p));
    }
}
