package dev.tower.booking;

import java.time.OffsetDateTime;

/**
 * The browser's orders: only those a btree index walks from the cursor on, so any page costs the same —
 * created time on idx_bookings_created_id, scheduled time on idx_bookings_scheduled_id (V33). The id breaks
 * ties, so rows with equal times are neither skipped nor repeated.
 */
public enum BookingSort {
    NEWEST_CREATED("created_at", true, "Newest booked first"),
    OLDEST_CREATED("created_at", false, "Oldest booked first"),
    LATEST_SCHEDULED("scheduled_at", true, "Latest scheduled first"),
    EARLIEST_SCHEDULED("scheduled_at", false, "Earliest scheduled first");

    private final String column;
    private final boolean descending;
    private final String label;

    BookingSort(String column, boolean descending, String label) {
        this.column = column;
        this.descending = descending;
        this.label = label;
    }

    /** The sort column, spliced into the SQL (a constant of this enum, never user text). */
    public String column() { return column; }

    public String direction() { return descending ? "DESC" : "ASC"; }

    /** How the next page's rows compare with the cursor. */
    public String after() { return descending ? "<" : ">"; }

    public String label() { return label; }

    /** The row's value of the sort column: where the next page starts. */
    public OffsetDateTime timeOf(BookingRow row) {
        return column.equals("created_at") ? row.createdAt() : row.scheduledAt();
    }
}
