package dev.tower.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The rows the dashboards show, each read from one materialized view. */
public final class AnalyticsRows {
    private AnalyticsRows() {}

    /** One market day: bookings made, revenue of those completed, amount refunded on them. */
    public record DailyPoint(LocalDate day, long bookings, BigDecimal revenue, BigDecimal refunded) {}

    public record CategoryTotal(String category, long bookings, BigDecimal revenue) {}

    /** {@code areaId} null: bookings outside every service area. */
    public record AreaTotal(UUID areaId, String area, long bookings, BigDecimal revenue) {}

    /** One market week (starting Monday). */
    public record WeeklyPoint(LocalDate week, long bookings, long refunds, BigDecimal refundedAmount,
                              long disputesOpened) {
        /** Disputes opened per 100 bookings booked that week; zero for a week without bookings. */
        public BigDecimal disputeRatePercent() {
            return bookings == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(disputesOpened * 100L).divide(BigDecimal.valueOf(bookings), 2, RoundingMode.HALF_UP);
        }
    }

    /** Providers who submitted for verification in one market month, by where they are now. */
    public record FunnelRow(LocalDate month, String providerType, long submitted, long verified, long rejected,
                            long suspended, long pending, BigDecimal medianHoursToVerify) {}

    /**
     * Funnel stage totals over the period (all types), in order; {@code status} is the certification status
     * of the providers at that stage (null for "Submitted", which is every status).
     */
    public record FunnelStage(String stage, String status, long providers) {
        public static java.util.List<FunnelStage> of(java.util.List<FunnelRow> rows) {
            return java.util.List.of(
                    new FunnelStage("Submitted", null, rows.stream().mapToLong(FunnelRow::submitted).sum()),
                    new FunnelStage("Verified", "verified", rows.stream().mapToLong(FunnelRow::verified).sum()),
                    new FunnelStage("Rejected", "rejected", rows.stream().mapToLong(FunnelRow::rejected).sum()),
                    new FunnelStage("Suspended", "suspended", rows.stream().mapToLong(FunnelRow::suspended).sum()),
                    new FunnelStage("Waiting", "pending", rows.stream().mapToLong(FunnelRow::pending).sum()));
        }
    }

    public record TopProvider(UUID providerId, String name, long bookings, long completed, BigDecimal revenue,
                              long disputes) {}

    /** How fresh one view is: its last successful refresh, and its last attempt if that failed. */
    public record Freshness(String viewName, String title, Instant refreshedAt, String refreshedBy, Long rowCount,
                            Integer durationMs, Instant lastFailedAt, String lastError) {}

    public record RefreshOutcome(long logId, String viewName, String outcome, Long rowCount, int durationMs,
                                 String error) {
        public boolean ok() { return "ok".equals(outcome); }
    }

    public record AreaChoice(UUID id, String name) {
        @Override
        public String toString() { return name; }
    }

    /** Where the dashboards read: the primary, or a replica and how far behind it is. */
    public record ReadStatus(boolean replica, String label, Long lagBytes, Double lagSeconds) {}
}
