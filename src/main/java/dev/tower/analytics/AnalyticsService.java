package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.ReadStatus;
import dev.tower.analytics.AnalyticsRows.RefreshOutcome;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.TowerException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dashboards (read from the materialized views, on the replica when there is one), their refresh
 * (always on the primary, through ops.refresh_analytics) and the record of each export.
 */
public final class AnalyticsService {
    public static final int TOP_PROVIDERS = 15;

    private final Session session;
    private final AnalyticsSource source;

    public AnalyticsService(Session session, AnalyticsSource source) {
        this.session = Objects.requireNonNull(session, "session");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Every dashboard for one filter. The reads go in three groups of about equal cost, each on its own
     * pooled connection at the same time (the pool holds four), so opening the screen waits for the
     * slowest group rather than for all six dashboards one after another. Each dashboard is one
     * statement, so each is consistent in itself, as it was on one connection outside a transaction.
     */
    public Dashboards dashboards(AnalyticsFilter f) {
        AccessGuard.require(session, Permission.VIEW_ANALYTICS);
        Jdbi reads = source.reads();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<SeriesPart> series = readers.submit(() -> read(reads, dao -> new SeriesPart(
                    dao.dailySeries(f.from(), f.to(), f.areaId(), f.category()),
                    dao.weekly(f.from(), f.to(), f.areaId(), f.category()),
                    dao.funnel(f.from(), f.to(), f.areaId(), f.category()), dao.freshness())));
            Future<TotalsPart> totals = readers.submit(() -> read(reads, dao -> new TotalsPart(
                    dao.byCategory(f.from(), f.to(), f.areaId(), f.category()),
                    dao.byArea(f.from(), f.to(), f.areaId(), f.category()))));
            Future<List<TopProvider>> best = readers.submit(() -> read(reads,
                    dao -> dao.bestProviders(f.from(), f.to(), f.areaId(), f.category(), TOP_PROVIDERS)));
            ReadStatus status = status();
            SeriesPart a = outcome(series);
            TotalsPart b = outcome(totals);
            return new Dashboards(f, a.daily(), b.categories(), b.areas(), a.weekly(), a.funnel(), outcome(best),
                    a.freshness(), status);
        }
    }

    private record SeriesPart(List<DailyPoint> daily, List<WeeklyPoint> weekly, List<FunnelRow> funnel,
                              List<Freshness> freshness) {}

    private record TotalsPart(List<CategoryTotal> categories, List<AreaTotal> areas) {}

    /** A parallel read's result, or its failure as the classified exception a single read would throw. */
    private static <T> T outcome(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Reading the dashboards was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public List<AreaChoice> areas() {
        AccessGuard.require(session, Permission.VIEW_ANALYTICS);
        return read(source.reads(), AnalyticsDao::areas);
    }

    /** How old each view's data is, as the database the dashboards read from knows it. */
    public List<Freshness> freshness() {
        AccessGuard.require(session, Permission.VIEW_ANALYTICS);
        return read(source.reads(), AnalyticsDao::freshness);
    }

    /** The views a "refresh all" refreshes, in order. */
    public List<String> viewNames() {
        AccessGuard.require(session, Permission.REFRESH_ANALYTICS);
        return read(session.jdbi(), AnalyticsDao::viewNames);
    }

    /**
     * Refreshes one view concurrently on the primary (readers keep reading the old rows meanwhile).
     * A failed refresh comes back as an outcome (the view keeps its previous rows); a refresh already
     * running for that view is refused with a ValidationException in plain words.
     */
    public RefreshOutcome refresh(String viewName) {
        AccessGuard.require(session, Permission.REFRESH_ANALYTICS);
        return refreshOnPrimary(viewName, true);
    }

    /** A plain refresh (readers wait for it): only for the benchmark's comparison. */
    RefreshOutcome refreshBlocking(String viewName) {
        AccessGuard.require(session, Permission.REFRESH_ANALYTICS);
        return refreshOnPrimary(viewName, false);
    }

    /**
     * A refresh of a large view may run longer than the pool's client-side socket timeout (45 s), which would
     * drop the connection mid-refresh with a network error instead of the server's own answer; for this call
     * the connection waits past the staff statement timeout (60 s), so a refresh that is too slow ends with
     * that timeout's plain message. Hikari puts the connection's timeout back when it returns to the pool.
     */
    private RefreshOutcome refreshOnPrimary(String viewName, boolean concurrently) {
        try {
            return session.jdbi().withHandle(handle -> {
                java.sql.Connection c = handle.getConnection();
                int before = c.getNetworkTimeout();
                c.setNetworkTimeout(Runnable::run, REFRESH_NETWORK_TIMEOUT_MS);
                try {
                    return handle.attach(AnalyticsDao.class).refresh(viewName, concurrently);
                } finally {
                    c.setNetworkTimeout(Runnable::run, before);
                }
            });
        } catch (TowerException e) {
            throw e;
        } catch (java.sql.SQLException | RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }

    /** Writes the audit row of an export: who (the login), what, which format, how many rows and columns. */
    public long recordExport(String what, String format, int rows, List<String> columns) {
        AccessGuard.require(session, Permission.EXPORT_ANALYTICS);
        return read(session.jdbi(), dao -> dao.recordExport(what, format, rows, columns.toArray(String[]::new)));
    }

    /** Which database the dashboards read and, for a replica, how far it is behind the primary. */
    public ReadStatus readStatus() {
        AccessGuard.require(session, Permission.VIEW_ANALYTICS);
        return status();
    }

    private ReadStatus status() {
        if (source.replica().isEmpty()) {
            return new ReadStatus(false, session.databaseLabel(), null, null);
        }
        String label = "replica " + source.replica().get().label();
        AnalyticsDao.StandbyPosition position = read(source.reads(), AnalyticsDao::standbyPosition);
        if (!position.standby()) {
            // a "replica" that is not in recovery is a copy nobody keeps up to date: say so, lag unknown
            return new ReadStatus(true, label + " (not a standby)", null, null);
        }
        long behind = read(session.jdbi(), dao -> dao.bytesBehind(position.replayed()));
        double seconds = behind == 0 || position.sinceLastCommit() == null ? 0 : Math.max(0, position.sinceLastCommit());
        return new ReadStatus(true, label, behind, seconds);
    }

    private static final int REFRESH_NETWORK_TIMEOUT_MS = 75_000;

    private static <T> T read(Jdbi jdbi, java.util.function.Function<AnalyticsDao, T> query) {
        try {
            return jdbi.withExtension(AnalyticsDao.class, query::apply);
        } catch (TowerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }
}
