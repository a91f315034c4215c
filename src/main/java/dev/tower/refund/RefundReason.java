package dev.tower.refund;

/** A refund reason code and its words. */
public record RefundReason(String code, String label) {
    @Override
    public String toString() { return label; }
}
