package dev.tower.demo;

import java.time.Duration;
import java.util.Map;

/** What one generation produced: rows per table (in a stable order) and how long it took. */
public record DemoReport(DemoScale scale, Map<String, Long> rowCounts, Duration took) {
    public DemoReport {
        rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
    }

    public long rows(String table) {
        Long n = rowCounts.get(table);
        if (n == null) {
            throw new IllegalArgumentException("No row count for " + table);
        }
        return n;
    }
}
