package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.ReadStatus;
import dev.tower.analytics.AnalyticsRows.RefreshOutcome;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.TowerException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Objects;

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

    public Dashboards dashboards(AnalyticsFilter f) {
        AccessGuard.require(session, Permission.VIEW_ANALYTICS);
        ReadStatus status = status();
        return read(source.reads(), dao -> new Dashboards(f,
                dao.dailySeries(f.from(), f.to(), f.areaId(), f.category()),
                dao.byCategory(f.from(), f.to(), f.areaId(), f.category()),
                dao.byArea(f.from(), f.to(), f.areaId(), f.category()),
                dao.weekly(f.from(), f.to(), f.areaId(), f.category()),
                dao.funnel(f.from(), f.to(), f.areaId(), f.category()),
                dao.bestProviders(f.from(), f.to(), f.areaId(), f.category(), TOP_PROVIDERS),
                dao.freshness(),
                status));
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
        return read(session.jdbi(), dao -> dao.refresh(viewName, true));
    }

    /** A plain refresh (readers wait for it): only for the benchmark's comparison. */
    RefreshOutcome refreshBlocking(String viewName) {
        AccessGuard.require(session, Permission.REFRESH_ANALYTICS);
        return read(session.jdbi(), dao -> dao.refresh(viewName, false));
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
