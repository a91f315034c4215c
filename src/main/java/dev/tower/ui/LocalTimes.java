package dev.tower.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How Tower writes a moment for people: in their own time zone, to the minute (lists) or the second
 * (the audit log). The database keeps UTC; only the screen converts.
 */
public final class LocalTimes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private LocalTimes() {}

    /** "2025-03-14", or an empty string for no time. */
    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** "2025-03-14 09:05", or an empty string for no time. */
    public static String minutes(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** "2025-03-14 09:05:31", or an empty string for no time. */
    public static String seconds(Instant instant, ZoneId zone) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }

    /** The zone's short name for column headers, e.g. "CET" or "UTC". */
    public static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.SHORT, Locale.ROOT);
    }
}
