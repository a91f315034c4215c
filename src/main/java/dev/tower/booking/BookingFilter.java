package dev.tower.booking;

import dev.tower.error.ValidationException;

import java.time.Instant;
import java.util.UUID;

/**
 * What the bookings browser filters on; every field is optional (null or blank = any). {@code from}/{@code to}
 * bound the booking's creation time (the order the list is in), {@code to} exclusive.
 */
public record BookingFilter(String status, String paymentStatus, Instant from, Instant to, UUID serviceAreaId,
                            String category, UUID providerId, UUID customerId, String search) {
    public static final BookingFilter ANY = new BookingFilter(null, null, null, null, null, null, null, null, null);
    /** Search terms shorter than this cannot use a trigram index; they only match order numbers by prefix. */
    public static final int MIN_TRIGRAM_TERM = 3;

    public BookingFilter {
        status = blankToNull(status);
        paymentStatus = blankToNull(paymentStatus);
        category = blankToNull(category);
        search = blankToNull(search);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException("booking.bad_period", "The start of the period is after its end.");
        }
        if (search != null && search.length() > 200) {
            throw new ValidationException("booking.search_too_long", "Search for at most 200 characters.");
        }
    }

    public BookingFilter withSearch(String text) {
        return new BookingFilter(status, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, text);
    }

    public BookingFilter withStatus(String newStatus) {
        return new BookingFilter(newStatus, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, search);
    }

    /** The search as an ILIKE pattern with the user's % and _ taken literally. */
    public String searchPattern() {
        if (search == null) {
            return null;
        }
        String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return search.length() < MIN_TRIGRAM_TERM ? escaped + "%" : "%" + escaped + "%";
    }

    public boolean usesTrigramSearch() {
        return search != null && search.length() >= MIN_TRIGRAM_TERM;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
