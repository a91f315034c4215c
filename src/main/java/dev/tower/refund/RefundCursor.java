package dev.tower.refund;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where the next approvals page starts: strictly after this (requested time, id). */
public record RefundCursor(OffsetDateTime at, UUID id) {
    public static final RefundCursor FIRST = new RefundCursor(null, null);

    public static RefundCursor after(RefundRow row) {
        return new RefundCursor(row.requestedAt(), row.id());
    }
}
