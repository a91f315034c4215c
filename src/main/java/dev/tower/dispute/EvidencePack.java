package dev.tower.dispute;

import dev.tower.booking.BookingStory;
import dev.tower.refund.RefundRow;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything one dispute's evidence pack holds, read at one moment, and who asked for it when. */
public record EvidencePack(DisputeDetail dispute, BookingStory story, List<RefundRow> refunds,
                           List<ProviderDocumentSummary> providerDocuments, String generatedBy,
                           OffsetDateTime generatedAt) {}
