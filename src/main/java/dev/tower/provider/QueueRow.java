package dev.tower.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One provider in the verification queue.
 *
 * @param nextExpiry          the soonest expiry among its documents, or null
 * @param needsReverification a required document has expired (computed, never stored)
 */
public record QueueRow(UUID id, String businessName, String personName, String type, String certificationStatus,
                       Instant submittedAt, LocalDate nextExpiry, boolean needsReverification,
                       int verificationVersion, int pendingDocuments) {
    public QueueKey key() { return new QueueKey(submittedAt, id); }
}
