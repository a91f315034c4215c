package dev.tower.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one generation produced: rows per table (in a stable order), how long it took, and where that time
 * went ({@code stepTimes}: each script step or phase, in the order it ran; names are "group / step").
 */
public record DemoReport(DemoScale scale, Map<String, Long> rowCounts, Duration took, Map<String, Duration> stepTimes) {
    public DemoReport {
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
        stepTimes = Collections.unmodifiableMap(new LinkedHashMap<>(stepTimes));
    }

    public DemoReport(DemoScale scale, Map<String, Long> rowCounts, Duration took) {
        this(scale, rowCounts, took, Map.of());
    }

    public long rows(String table) {
        Long n = rowCounts.get(table);
        if (n == null) {
            throw new IllegalArgumentException("No row count for " + table);
        }
        return n;
    }

    /** Time per group of steps (the part of a step's name before " / "), in the order the groups ran. */
    public Map<String, Duration> groupTimes() {
        Map<String, Duration> groups = new LinkedHashMap<>();
        stepTimes.forEach((name, t) -> {
            int cut = name.indexOf(" / ");
            groups.merge(cut < 0 ? name : name.substring(0, cut), t, Duration::plus);
        });
        return Collections.unmodifiableMap(groups);
    }
}
