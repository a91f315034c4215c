package dev.tower.bench;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What one operation measured: milliseconds at the median, the 95th percentile (nearest rank) and the
 * worst execution, or the error that stopped it.
 */
public record BenchResult(BenchOperation operation, double p50Ms, double p95Ms, double maxMs, int executions,
                          String error) {

    static BenchResult of(BenchOperation operation, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new BenchResult(operation, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)),
                ms(sorted[sorted.length - 1]), sorted.length, null);
    }

    static BenchResult failed(BenchOperation operation, String error) {
        return new BenchResult(operation, Double.NaN, Double.NaN, Double.NaN, 0, error);
    }

    public boolean failed() {
        return error != null;
    }

    public String name() {
        return operation.name();
    }

    public OptionalDouble targetMs() {
        return operation.target().p95Ms();
    }

    /** True when a target exists and the p95 is over it. */
    public boolean missesTarget() {
        return !failed() && targetMs().isPresent() && p95Ms > targetMs().getAsDouble();
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
