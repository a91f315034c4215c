package dev.tower.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where the next page starts: strictly after this (sort time, id) in the filter's {@link BookingSort} order. */
public record BookingCursor(OffsetDateTime at, UUID id) {
    public static final BookingCursor FIRST = new BookingCursor(null, null);

    /** After {@code row} in the default order, newest booked first. */
    public static BookingCursor after(BookingRow row) {
        return after(row, BookingSort.NEWEST_CREATED);
    }

    public static BookingCursor after(BookingRow row, BookingSort sort) {
        return new BookingCursor(sort.timeOf(row), row.id());
    }
}
