package dev.tower.booking;

import dev.tower.error.ValidationException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * The bookings browser opened from elsewhere already filtered ("bookings/?from=2026-03-01&to=2026-03-07&
 * category=courier", an analytics dashboard's click-through). Keys: {@code from}, {@code to} (days, both
 * included, in the viewer's zone), {@code status}, {@code area}, {@code category}, {@code provider},
 * {@code providerName}. Anything unreadable is refused in plain words rather than silently widened.
 */
public final class BookingLink {
    private BookingLink() {}

    public static BookingFilter filter(Map<String, String> link, ZoneId zone) {
        LocalDate from = day(link.get("from"));
        LocalDate to = day(link.get("to"));
        return new BookingFilter(link.get("status"), null,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                id(link.get("area")), link.get("category"), id(link.get("provider")), null, null);
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("booking.bad_link", "The link names a day that does not exist: " + text + ".");
        }
    }

    private static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("booking.bad_link", "The link names something that is not an id: " + text + ".");
        }
    }
}
