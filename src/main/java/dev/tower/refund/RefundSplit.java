package dev.tower.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a refund splits between the platform's fee and the provider's share, computed as the database
 * does (V70, tower_internal.record_refund): the fee's share is cumulative over the payment's refunds,
 * so the shares of refunds of the whole amount add up to the fee exactly.
 */
public record RefundSplit(BigDecimal platformFeeShare, BigDecimal providerShare) {
    /**
     * @param captured     the captured payment
     * @param platformFee  the booking's platform fee
     * @param reserved     refunds already issued or awaiting approval on the payment
     * @param feeReserved  their fee shares
     */
    public static RefundSplit of(BigDecimal amount, BigDecimal captured, BigDecimal platformFee, BigDecimal reserved,
                                 BigDecimal feeReserved) {
        if (captured.signum() <= 0 || amount.signum() <= 0) {
            return new RefundSplit(BigDecimal.ZERO.setScale(2), amount.setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal feeAfter = platformFee.multiply(reserved.add(amount))
                .divide(captured, 2, RoundingMode.HALF_EVEN).min(platformFee);
        BigDecimal fee = feeAfter.subtract(feeReserved).min(amount).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new RefundSplit(fee, amount.subtract(fee).setScale(2, RoundingMode.HALF_UP));
    }
}
