package dev.tower.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a generation does after its load has committed, on several connections at once: build the indexes
 * recorded in {@code tower_demo.deferred_index}, refresh every materialized view in {@code public}, and the
 * generator's own extra work (the audit history).
 *
 * <p>Why: the load is one transaction, so it runs on one core. These are the longest single-core steps
 * left (the bookings' trigram index, the analytics running totals, the audit history); they only read the
 * loaded rows, and none waits for another. Side by side on two connections the phase takes about half the
 * sum of its steps (never less than the longest). Each build or refresh is its own transaction; at
 * {@code wal_level=minimal} the index or view file it writes still skips the WAL.
 *
 * <p>Until this phase ends the views hold the previous generation's figures (their refresh log says when
 * they were refreshed) and the audit log its history (a valid chain: the reset and the reload are one
 * transaction); a failure is reported, and the next generation finishes what is left.
 */
final class AfterCommitWork {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommitWork.class);

    /**
     * One unit of work: its step name, what it runs on a lane's connection (auto-commit off; it commits or
     * rolls back itself), and whether it times its own steps (then the lane does not time it again).
     */
    record Task(String name, SqlWork work, boolean timesItself) {}

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private final DataSource setup;
    private final DemoScale scale;
    private final int lanes;
    private final List<Task> extra;

    /** {@code extra}: more work of the generator's own, started right after the longest index and view. */
    AfterCommitWork(DataSource setup, DemoScale scale, int lanes, List<Task> extra) {
        this.setup = setup;
        this.scale = scale;
        this.lanes = lanes;
        this.extra = List.copyOf(extra);
    }

    /** Two lanes, or one per core up to four: each lane keeps one server process busy. */
    static int defaultLanes() {
        return Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs every task; throws after all have been tried if any failed, naming each failure. */
    void run(StepTimer timer) throws SQLException {
        Queue<Task> queue = new ConcurrentLinkedQueue<>(tasks());
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "demo-after-commit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                running.add(pool.submit(() -> {
                    lane(queue, failures, timer);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while building the demo's indexes and views", e);
        } catch (ExecutionException e) {
            throw new SQLException("A demo lane stopped: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new SQLException("the demo rows are in, but " + String.join("; ", failures)
                    + ". Generating the demo again finishes it.");
        }
    }

    /** Takes tasks until none is left, each in its own transaction on this lane's connection. */
    private void lane(Queue<Task> queue, Queue<String> failures, StepTimer timer) throws SQLException {
        try (Connection c = setup.getConnection()) {
            prepare(c);
            for (Task task = queue.poll(); task != null; task = queue.poll()) {
                Task current = task;
                try {
                    if (current.timesItself()) {
                        current.work().run(c);
                    } else {
                        timer.time("after commit / " + current.name(), () -> current.work().run(c));
                    }
                } catch (SQLException e) {
                    LOG.warn("demo step after commit / {} failed: {}", current.name(), e.getMessage());
                    failures.add(current.name() + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** The load's session settings that matter here; dates in the views are Detroit's, as in the load. */
    private void prepare(Connection c) throws SQLException {
        boolean large = scale == DemoScale.LARGE;
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET work_mem = '" + (large ? "256MB" : "32MB") + "'");
            s.execute("SET maintenance_work_mem = '" + (large ? "1GB" : "64MB") + "'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            s.execute("SET jit = off");
            s.execute("SET lock_timeout = '30s'");
            s.execute("SET search_path = public");
            s.execute("SET TimeZone = 'America/Detroit'");
        }
        c.setAutoCommit(false);
    }

    /**
     * The recorded indexes (biggest table first) and the views (longest last refresh first), interleaved, so
     * that the longest of each kind start together on different lanes; the extra work third, as it is
     * about as long as the longest view refresh and the small tasks balance the lanes at the end.
     */
    private List<Task> tasks() throws SQLException {
        List<Task> indexes = new ArrayList<>();
        List<Task> views = new ArrayList<>();
        try (Connection c = setup.getConnection()) {
            for (DeferredIndexes.Definition d : DeferredIndexes.pending(c)) {
                indexes.add(new Task("index " + d.indexName(), lane -> DeferredIndexes.build(lane, d), false));
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT v.matviewname, pg_catalog.format('public.%I', v.matviewname)
                    FROM pg_catalog.pg_matviews v
                    WHERE v.schemaname = 'public'
                    ORDER BY (SELECT l.duration_ms FROM public.mv_refresh_log l WHERE l.view_name = v.matviewname
                              ORDER BY l.id DESC LIMIT 1) DESC NULLS LAST, v.matviewname""")) {
                while (rs.next()) {
                    String view = rs.getString(1);
                    String quoted = rs.getString(2);
                    views.add(new Task("refresh " + view, lane -> refresh(lane, view, quoted), false));
                }
            }
        }
        List<Task> all = new ArrayList<>();
        for (int i = 0; i < Math.max(indexes.size(), views.size()); i++) {
            if (i < indexes.size()) {
                all.add(indexes.get(i));
            }
            if (i < views.size()) {
                all.add(views.get(i));
            }
        }
        all.addAll(Math.min(2, all.size()), extra);
        return all;
    }

    /** Refreshes one view and logs it in mv_refresh_log as the console's own refreshes are, in one transaction. */
    private static void refresh(Connection c, String view, String quotedName) throws SQLException {
        try {
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("REFRESH MATERIALIZED VIEW " + quotedName);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO public.mv_refresh_log (view_name, duration_ms, was_concurrent) VALUES (?, ?, false)")) {
                p.setString(1, view);
                p.setInt(2, (int) ((System.nanoTime() - t0) / 1_000_000));
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
