package dev.tower.refund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A refund with who pays it back (fee share, provider share) and its settlement: the outbox state
 * ({@code requested}, {@code succeeded}, {@code failed}; null until it is issued), the gateway's reference
 * or failure reason, and how many times it was sent.
 */
public record RefundRow(UUID id, UUID bookingId, String orderNumber, BigDecimal amount, String reasonCode, String note,
                        String status, String requestedBy, String requesterName, OffsetDateTime requestedAt,
                        BigDecimal platformFeeShare, BigDecimal providerShare, String settlement,
                        String gatewayReference, String failureReason, int attempts) {
    public boolean canRetry() {
        return "failed".equals(settlement);
    }

    /** The state in words: "awaiting approval", "declined", "sent to the payment service", "refunded", "failed: ...". */
    public String stateText() {
        return switch (status) {
            case "awaiting_approval" -> "awaiting approval";
            case "rejected" -> "declined";
            default -> settlement == null ? "issued"
                    : switch (settlement) {
                        case "requested" -> attempts > 1 ? "sent again (attempt " + attempts + ")" : "sent to the payment service";
                        case "succeeded" -> "refunded (" + gatewayReference + ")";
                        default -> "failed: " + failureReason;
                    };
        };
    }
}
