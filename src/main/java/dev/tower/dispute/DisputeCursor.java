package dev.tower.dispute;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where the next queue page starts: strictly after this (due time, id). */
public record DisputeCursor(OffsetDateTime due, UUID id) {
    public static final DisputeCursor FIRST = new DisputeCursor(null, null);

    public static DisputeCursor after(DisputeRow row) {
        return new DisputeCursor(row.dueAt(), row.id());
    }
}
