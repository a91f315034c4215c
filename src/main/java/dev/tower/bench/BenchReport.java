package dev.tower.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns the results into {@code bench.csv} and {@code bench.md}, and says which operations failed. */
public final class BenchReport {
    public static final String CSV_HEADER = "operation,p50_ms,p95_ms,target_ms,baseline_operation,baseline_p50_ms,ratio";

    private final List<BenchResult> results;
    private final Map<String, BenchResult> byName = new HashMap<>();
    private final List<String> notes;

    public BenchReport(List<BenchResult> results, List<String> notes) {
        this.results = List.copyOf(results);
        this.notes = List.copyOf(notes);
        results.forEach(r -> byName.put(r.name(), r));
    }

    /** baseline p50 / p50: how many times faster Tower's way is; empty without a measured baseline. */
    public OptionalDouble ratio(BenchResult r) {
        BenchResult base = baselineOf(r);
        if (base == null || r.failed() || base.failed() || r.p50Ms() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(base.p50Ms() / r.p50Ms());
    }

    /** One plain sentence per operation that failed, missed its target or its ratio. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (BenchResult r : results) {
            if (r.failed()) {
                problems.add(r.name() + " failed: " + r.error());
            } else if (r.missesTarget()) {
                problems.add(String.format(Locale.ROOT, "%s missed its target: p95 %.3f ms > %.0f ms",
                        r.name(), r.p95Ms(), r.targetMs().getAsDouble()));
            }
            double min = r.operation().minRatio();
            OptionalDouble ratio = ratio(r);
            if (min > 0 && ratio.isPresent() && ratio.getAsDouble() < min) {
                problems.add(String.format(Locale.ROOT, "%s is %.2f times slower than %s (allowed: %.2f)",
                        r.name(), 1 / ratio.getAsDouble(), r.operation().baseline(), 1 / min));
            }
        }
        return problems;
    }

    public String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (BenchResult r : results) {
            BenchResult base = baselineOf(r);
            csv.append(r.name()).append(',')
                    .append(num(r.p50Ms())).append(',')
                    .append(num(r.p95Ms())).append(',')
                    .append(r.targetMs().isPresent() ? num(r.targetMs().getAsDouble()) : "").append(',')
                    .append(r.operation().baselineName().orElse("")).append(',')
                    .append(base == null ? "" : num(base.p50Ms())).append(',')
                    .append(ratio(r).isPresent() ? num(ratio(r).getAsDouble()) : "").append('\n');
        }
        return csv.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder(
                "| operation | role | p50 ms | p95 ms | max ms | target ms | baseline | baseline p50 ms | ratio |\n"
                        + "|---|---|---:|---:|---:|---:|---|---:|---:|\n");
        for (BenchResult r : results) {
            BenchResult base = baselineOf(r);
            String role = r.operation().asSuperuser() ? "superuser" : r.operation().role().label().toLowerCase(Locale.ROOT);
            md.append("| `").append(r.name()).append("` | ").append(role).append(" | ")
                    .append(r.failed() ? "failed" : num(r.p50Ms())).append(" | ")
                    .append(num(r.p95Ms())).append(r.missesTarget() ? " **(missed)**" : "").append(" | ")
                    .append(num(r.maxMs())).append(" | ")
                    .append(r.targetMs().isPresent() ? num(r.targetMs().getAsDouble()) : "").append(" | ")
                    .append(r.operation().baselineName().map(b -> "`" + b + "`").orElse("")).append(" | ")
                    .append(base == null ? "" : num(base.p50Ms())).append(" | ")
                    .append(ratio(r).isPresent() ? String.format(Locale.ROOT, "%.1f×", ratio(r).getAsDouble()) : "")
                    .append(" |\n");
        }
        for (String note : notes) {
            md.append('\n').append(note).append('\n');
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            md.append("\nMissed:\n\n");
            problems.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("bench.csv"), csv());
            Files.writeString(dir.resolve("bench.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bench report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private BenchResult baselineOf(BenchResult r) {
        return r.operation().baselineName().map(byName::get).orElse(null);
    }

    private static String num(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.3f", ms);
    }
}
