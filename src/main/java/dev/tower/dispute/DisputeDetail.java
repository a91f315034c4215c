package dev.tower.dispute;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One dispute with the money the resolution form needs: what was captured, what is already refunded or
 * awaiting approval ({@code reserved}) and the platform fee's share of that.
 */
public record DisputeDetail(UUID id, UUID bookingId, String orderNumber, String bookingStatus, int bookingVersion,
                            String status, String reasonCode, String reason, String note, String assignedTo,
                            OffsetDateTime openedAt, OffsetDateTime dueAt, BigDecimal captured, BigDecimal platformFee,
                            BigDecimal reserved, BigDecimal feeReserved, String resolution, String resolutionNote,
                            String resolvedBy, OffsetDateTime resolvedAt) {
    public BigDecimal remaining() {
        return captured.subtract(reserved).max(BigDecimal.ZERO);
    }

    public boolean resolved() {
        return "resolved".equals(status);
    }
}
