package dev.tower.bench;

import dev.tower.security.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds every feature's operations and times them. Each operation first runs {@link #WARM_UP} times on
 * the same session: more than the five executions after which pgjdbc prepares statements on the server
 * and PostgreSQL may switch to a generic plan, so the figures are the ones a long-open screen sees.
 */
public final class BenchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);
    static final int WARM_UP = 8;
    /** An operation whose first execution takes longer than this (a whole-view refresh, the live
     *  aggregate at large scale) is a baseline measured a few times, not a page measured thirty. */
    static final long SLOW_NANOS = 1_000_000_000L;
    static final int SLOW_REPEAT = 3;

    private BenchRunner() {}

    /** Every registered operation, grouped by the class that registered it (sorted by class name). */
    public static List<BenchOperation> discover(BenchContext context) {
        List<BenchOperations> providers = new ArrayList<>();
        ServiceLoader.load(BenchOperations.class).forEach(providers::add);
        providers.sort(Comparator.comparing(p -> p.getClass().getName()));
        List<BenchOperation> all = new ArrayList<>();
        for (BenchOperations p : providers) {
            all.addAll(p.operations(context));
        }
        return all;
    }

    /** The operations whose name matches {@code only} (a regex, found anywhere), with their baselines. */
    static List<BenchOperation> select(List<BenchOperation> all, String only) {
        if (only == null || only.isBlank()) {
            return all;
        }
        Pattern pattern = Pattern.compile(only);
        Map<String, BenchOperation> byName = new LinkedHashMap<>();
        all.forEach(op -> byName.put(op.name(), op));
        List<String> wanted = new ArrayList<>();
        for (BenchOperation op : all) {
            if (pattern.matcher(op.name()).find()) {
                wanted.add(op.name());
                op.baselineName().ifPresent(wanted::add);
            }
        }
        return all.stream().filter(op -> wanted.contains(op.name())).toList();
    }

    public static List<BenchResult> run(List<BenchOperation> operations, BenchSessions sessions, int repeat,
                                 Consumer<BenchResult> progress) {
        List<BenchResult> results = new ArrayList<>();
        for (BenchOperation op : operations) {
            BenchResult result = measure(op, sessions.sessionFor(op), repeat);
            progress.accept(result);
            results.add(result);
        }
        return results;
    }

    static BenchResult measure(BenchOperation op, Session session, int repeat) {
        try {
            long first = System.nanoTime();
            op.run(session);
            boolean slow = System.nanoTime() - first > SLOW_NANOS;
            for (int i = 1; i < (slow ? 1 : WARM_UP); i++) {
                op.run(session);
            }
            int times = slow ? Math.min(repeat, SLOW_REPEAT) : repeat;
            long[] nanos = new long[times];
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                op.run(session);
                nanos[i] = System.nanoTime() - start;
            }
            return BenchResult.of(op, nanos);
        } catch (Exception e) {
            LOG.warn("Bench operation {} failed", op.name(), e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return BenchResult.failed(op, message.lines().findFirst().orElse(message));
        }
    }
}
