package dev.tower.dispute;

import java.math.BigDecimal;
import java.util.UUID;

/** What resolving did: the refund (none for no refund) and the booking's new status. */
public record ResolutionOutcome(String resolution, UUID refundId, String refundStatus, BigDecimal refundAmount,
                                String bookingStatus) {}
