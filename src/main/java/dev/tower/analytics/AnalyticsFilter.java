package dev.tower.analytics;

import dev.tower.error.ValidationException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the dashboards show: market days {@code from}..{@code to} (both included, in {@link #MARKET_ZONE},
 * the zone the materialized views bucket by), optionally one service area and one category.
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, UUID areaId, String category) {
    /** The views' days, weeks and months are Detroit's: the marketplace's own calendar. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("America/Detroit");
    public static final int MAX_DAYS = 3 * 366;

    public AnalyticsFilter {
        if (from == null || to == null) {
            throw new ValidationException("analytics.period_missing", "Choose the first and the last day to show.");
        }
        if (from.isAfter(to)) {
            throw new ValidationException("analytics.bad_period", "The first day is after the last day.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ValidationException("analytics.period_too_long", "Show at most three years at a time.");
        }
        category = category == null || category.isBlank() ? null : category.strip();
    }

    /** The twelve months up to and including {@code today}. */
    public static AnalyticsFilter lastYear(LocalDate today) {
        return new AnalyticsFilter(today.minusMonths(12).plusDays(1), today, null, null);
    }

    /** The first day after the period, for half-open ranges. */
    public LocalDate endExclusive() { return to.plusDays(1); }
}
