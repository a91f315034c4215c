package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.Freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How old a view's data is, in words: "Data as of 12 minutes ago (refreshed by ana)". */
final class Staleness {
    private Staleness() {}

    static String describe(Optional<Freshness> freshness, Instant now) {
        if (freshness.isEmpty() || freshness.get().refreshedAt() == null) {
            return "Never refreshed";
        }
        Freshness f = freshness.get();
        String text = "Data as of " + ago(Duration.between(f.refreshedAt(), now))
                + (f.refreshedBy() == null ? "" : " (refreshed by " + f.refreshedBy() + ")");
        if (f.lastFailedAt() != null) {
            text += "; the last refresh, " + ago(Duration.between(f.lastFailedAt(), now)) + ", failed";
        }
        return text;
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return plural(s / 60, "minute") + " ago";
        }
        if (s < 2 * 86400) {
            return plural(s / 3600, "hour") + " ago";
        }
        return plural(s / 86400, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
