package dev.tower.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where the next page starts: strictly after this (created_at, id) in newest-first order. */
public record BookingCursor(OffsetDateTime createdAt, UUID id) {
    public static final BookingCursor FIRST = new BookingCursor(null, null);

    public static BookingCursor after(BookingRow row) {
        return new BookingCursor(row.createdAt(), row.id());
    }
}
