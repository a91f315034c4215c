package dev.tower.provider;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One day of a provider's weekly schedule ({@code provider_schedules}).
 *
 * @param dayOfWeek 0 = Sunday … 6 = Saturday, as the apps store it
 * @param breakStart null when the provider takes no break that day
 */
public record ScheduleDay(int dayOfWeek, LocalTime start, LocalTime end, boolean available, LocalTime breakStart,
                          LocalTime breakEnd, int maxBookingsPerDay) {

    public DayOfWeek day() {
        return dayOfWeek == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(dayOfWeek);
    }

    /** "Mon 08:00–17:00 (break 12:00–12:30) · up to 10 bookings", or "Sat unavailable". */
    public String words() {
        String name = day().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        if (!available) {
            return name + " unavailable";
        }
        String brk = breakStart == null || breakEnd == null ? "" : " (break " + breakStart + "–" + breakEnd + ")";
        return name + " " + start + "–" + end + brk + " · up to " + maxBookingsPerDay
                + (maxBookingsPerDay == 1 ? " booking" : " bookings");
    }
}
