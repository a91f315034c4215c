package dev.tower.dispute;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A provider's verification document as the evidence pack summarises it (never its bytes). */
public record ProviderDocumentSummary(String kind, String fileName, String decision, LocalDate expiresOn,
                                      String reviewedBy, OffsetDateTime reviewedAt) {}
