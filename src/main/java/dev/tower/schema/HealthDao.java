package dev.tower.schema;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The health screen's reads (catalog and statistics views, and the guarded ops.health_* functions) and its two actions. */
@UseClasspathSqlLocator
public interface HealthDao {
    record SlowStatement(String query, long calls, double totalMs, double meanMs, long rows) {}

    record TableHealth(String tableName, long totalBytes, long tableBytes, long indexBytes, long liveRows, long deadRows,
                       long netRowsAdded, Instant lastVacuum, Instant lastAnalyze) {}

    record UnusedIndex(String indexName, String tableName, long bytes) {}

    record SessionRow(int pid, String login, String application, String state, Instant xactStart, Instant queryStart,
                      String waitEventType, String waitEvent, Integer[] blockedBy, String query) {}

    @SqlQuery
    @RegisterConstructorMapper(SlowStatement.class)
    List<SlowStatement> slowestStatements(@Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(SessionRow.class)
    List<SessionRow> sessions();

    @SqlQuery
    @RegisterConstructorMapper(TableHealth.class)
    List<TableHealth> tables(@Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(UnusedIndex.class)
    List<UnusedIndex> unusedIndexes(@Bind("limit") int limit);

    @SqlQuery
    Optional<Instant> statsReset();

    @SqlQuery
    long analyzeTable(@Bind("table") String table);

    @SqlQuery
    long cancelStatement(@Bind("pid") int pid);
}
