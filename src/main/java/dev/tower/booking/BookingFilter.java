package dev.tower.booking;

import dev.tower.error.ValidationException;

import java.time.Instant;
import java.util.UUID;

/**
 * What the bookings browser filters on; every field is optional (null or blank = any). {@code from}/{@code to}
 * bound the booking's creation time (the order the list is in), {@code to} exclusive.
 * {@code sort}: the list's order (null: newest booked first; saved views keep only the filters).
 * {@code startedLateByHours}: only bookings accepted but not started that many hours after their schedule.
 */
public record BookingFilter(String status, String paymentStatus, Instant from, Instant to, UUID serviceAreaId,
                            String category, UUID providerId, UUID customerId, String search,
                            Integer startedLateByHours, BookingSort sort) {
    public static final BookingFilter ANY = new BookingFilter(null, null, null, null, null, null, null, null, null);
    public static final int MAX_LATE_HOURS = 24 * 30;
    /** Search terms shorter than this cannot use a trigram index; they only match order numbers by prefix. */
    public static final int MIN_TRIGRAM_TERM = 3;
    private static final java.util.regex.Pattern ORDER_NUMBER_PREFIX =
            java.util.regex.Pattern.compile("(?i)SM-[0-9]{4,8}");

    public BookingFilter(String status, String paymentStatus, Instant from, Instant to, UUID serviceAreaId,
                         String category, UUID providerId, UUID customerId, String search) {
        this(status, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, search, null);
    }

    public BookingFilter(String status, String paymentStatus, Instant from, Instant to, UUID serviceAreaId,
                         String category, UUID providerId, UUID customerId, String search, Integer startedLateByHours) {
        this(status, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, search,
                startedLateByHours, null);
    }

    public BookingFilter {
        sort = sort == null ? BookingSort.NEWEST_CREATED : sort;
        if (startedLateByHours != null && (startedLateByHours < 1 || startedLateByHours > MAX_LATE_HOURS)) {
            throw new ValidationException("booking.bad_late_hours",
                    "\"Not started after\" takes 1 to " + MAX_LATE_HOURS + " hours.");
        }
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
        return new BookingFilter(status, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, text,
                startedLateByHours, sort);
    }

    public BookingFilter withStatus(String newStatus) {
        return new BookingFilter(newStatus, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, search,
                startedLateByHours, sort);
    }

    public BookingFilter withSort(BookingSort newSort) {
        return new BookingFilter(status, paymentStatus, from, to, serviceAreaId, category, providerId, customerId, search,
                startedLateByHours, newSort);
    }

    /** Only this customer's bookings (every other filter cleared): the booking page's "other bookings" link. */
    public static BookingFilter ofCustomer(UUID customer) {
        return new BookingFilter(null, null, null, null, null, null, null, customer, null);
    }

    /** Only this provider's bookings (every other filter cleared). */
    public static BookingFilter ofProvider(UUID provider) {
        return new BookingFilter(null, null, null, null, null, null, provider, null, null);
    }

    /**
     * The search as a LIKE pattern on the booking's lower-cased search document (V66), with the user's % and _
     * taken literally; the SQL lower-cases it as the document was. A short term matches from the document's start,
     * where the order number is (too short for trigrams to narrow anything elsewhere).
     */
    public String searchPattern() {
        if (search == null) {
            return null;
        }
        String escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return search.length() < MIN_TRIGRAM_TERM ? escaped + "%" : "%" + escaped + "%";
    }

    /**
     * The LIKE prefix of the order numbers the search names ({@code SM-} and at least four digits, so a few
     * thousand numbers at most), for the unique order-number index; null when the search is anything else.
     */
    public String orderNumberPrefix() {
        if (search == null || !ORDER_NUMBER_PREFIX.matcher(search).matches()) {
            return null;
        }
        return search.toUpperCase(java.util.Locale.ROOT) + "%";
    }

    /**
     * The lowest order number the prefix search can match (the prefix itself), so the unique index is read as
     * a range: LIKE uses a B-tree only under the "C" collation, and databases here run C.UTF-8 or en_US.
     */
    public String orderNumberFrom() {
        return orderNumberPrefix() == null ? null : search.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The first order number past the prefix's range: its digits plus one at the same length (SM-0095 to
     * SM-0096, SM-0099 to SM-0100), or "SN" past SM-9999. Under any collation, digits and letters keep their
     * order, so the range holds every number the LIKE matches (the LIKE still decides exactly).
     */
    public String orderNumberBelow() {
        String from = orderNumberFrom();
        if (from == null) {
            return null;
        }
        char[] digits = from.substring(3).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            if (digits[i] < '9') {
                digits[i]++;
                return "SM-" + new String(digits);
            }
            digits[i] = '0';
        }
        return "SN";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
