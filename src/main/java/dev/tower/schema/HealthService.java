package dev.tower.schema;

import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The database health screen (seed 001 §9, admin only): one snapshot of the slowest statements, table and
 * index sizes with growth and dead rows, unused indexes and client sessions with their blockers; ANALYZE a
 * table and cancel another staff session's statement through the guarded functions, which audit both.
 */
public final class HealthService {
    static final int LIMIT = 50;
    private static final Pattern TABLE_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    static final String ENABLE_PG_STAT_STATEMENTS = "pg_stat_statements is not available on this database. To see"
            + " the slowest statements: add pg_stat_statements to shared_preload_libraries in postgresql.conf (keeping"
            + " the libraries already listed), restart the server, and run CREATE EXTENSION pg_stat_statements as a"
            + " superuser, then `tower db setup` again. Hosted databases (Supabase: Database \u2192 Extensions) enable it"
            + " from their console.";

    private final Session session;

    public HealthService(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /** @param statementsProblem why there are no statements (pg_stat_statements missing), else "" */
    public record Snapshot(List<HealthDao.SlowStatement> statements, String statementsProblem,
                           List<HealthDao.TableHealth> tables, List<HealthDao.UnusedIndex> unusedIndexes,
                           List<HealthDao.SessionRow> sessions, Instant statsReset) {}

    public Snapshot snapshot() {
        AccessGuard.require(session, Permission.VIEW_DATABASE_HEALTH);
        return session.jdbi().withExtension(HealthDao.class, dao -> {
            List<HealthDao.SlowStatement> statements = List.of();
            String problem = "";
            try {
                statements = dao.slowestStatements(LIMIT);
            } catch (StatementException e) {
                if (!(e.getCause() instanceof SQLException sql) || !("55000".equals(sql.getSQLState())
                        || "42P01".equals(sql.getSQLState()))) {
                    throw e;
                }
                problem = ENABLE_PG_STAT_STATEMENTS;
            }
            return new Snapshot(statements, problem, dao.tables(LIMIT), dao.unusedIndexes(LIMIT), dao.sessions(),
                    dao.statsReset().orElse(null));
        });
    }

    /** Runs ANALYZE on one marketplace table (audited); the name is checked here and again by the function. */
    public void analyze(String table) {
        AccessGuard.require(session, Permission.VIEW_DATABASE_HEALTH);
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new ValidationException("health.no_such_table", "Choose a marketplace table to analyze.");
        }
        session.jdbi().useExtension(HealthDao.class, dao -> dao.analyzeTable(table));
    }

    /** Cancels the running statement of another staff member's session (audited); its transaction rolls back. */
    public void cancel(int pid) {
        AccessGuard.require(session, Permission.VIEW_DATABASE_HEALTH);
        if (pid <= 0) {
            throw new ValidationException("health.no_such_session", "Choose a session to cancel.");
        }
        session.jdbi().useExtension(HealthDao.class, dao -> dao.cancelStatement(pid));
    }
}
