package dev.tower.refund;

import java.math.BigDecimal;
import java.util.UUID;

/** What issuing a refund gave back; {@code replayed}: the key was used before and this is that first refund. */
public record IssuedRefund(UUID refundId, String status, BigDecimal amount, BigDecimal platformFeeShare,
                           BigDecimal providerShare, boolean replayed) {}
