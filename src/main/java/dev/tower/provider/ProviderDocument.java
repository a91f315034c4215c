package dev.tower.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A verification document's row (its bytes are read separately, by the viewer). */
public record ProviderDocument(UUID id, String kind, String fileName, String contentType, String sha256,
                               long byteSize, Instant uploadedAt, LocalDate expiresOn, String decision,
                               String reviewedBy, Instant reviewedAt, String reviewNote, boolean required) {
    public boolean pending() { return "pending".equals(decision); }

    public boolean expiredOn(LocalDate today) { return expiresOn != null && expiresOn.isBefore(today); }

    public boolean expiresSoon(LocalDate today) {
        return expiresOn != null && !expiredOn(today)
                && expiresOn.isBefore(today.plusDays(ProviderStatus.REVERIFY_WITHIN_DAYS));
    }
}
