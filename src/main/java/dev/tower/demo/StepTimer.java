package dev.tower.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock time of each named step of one generation, in the order they ran, so a report can say where
 * the time went (steps of the same name add up).
 */
final class StepTimer {
    private static final Logger LOG = LoggerFactory.getLogger(StepTimer.class);

    /** A step that talks to the database. */
    interface SqlStep {
        void run() throws SQLException;
    }

    /** A step that talks to the database and answers something. */
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    private final Map<String, Duration> steps = new LinkedHashMap<>();
    private final boolean verbose;

    /** {@code verbose}: log every step at INFO (LARGE), else only those over a second. */
    StepTimer(boolean verbose) {
        this.verbose = verbose;
    }

    void time(String name, SqlStep step) throws SQLException {
        call(name, () -> {
            step.run();
            return null;
        });
    }

    <T> T call(String name, SqlCall<T> step) throws SQLException {
        long t0 = System.nanoTime();
        T result = step.call();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        synchronized (steps) { // the after-commit lanes time their steps from their own threads
            steps.merge(name, took, Duration::plus);
        }
        if (verbose || took.toMillis() >= 1000) {
            LOG.info("demo step {}: {} ms", name, took.toMillis());
        } else {
            LOG.debug("demo step {}: {} ms", name, took.toMillis());
        }
        return result;
    }

    /** Each step's time, in the order the steps first ran. */
    Map<String, Duration> steps() {
        synchronized (steps) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        }
    }
}
