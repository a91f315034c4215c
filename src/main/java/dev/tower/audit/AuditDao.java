package dev.tower.audit;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

/** The audit log, newest first, keyset-paged on seq (the chain position). */
@UseClasspathSqlLocator
public interface AuditDao {
    /** @param beforeSeq only entries older than this one; null for the first page */
    @SqlQuery
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> page(@BindMethods("f") AuditFilter filter, @Bind("beforeSeq") Long beforeSeq, @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(FieldChange.class)
    List<FieldChange> changes(@Bind("seq") long seq);

    @SqlQuery
    @RegisterConstructorMapper(ChainCheck.class)
    ChainCheck verifyChain();

    @SqlQuery
    @RegisterConstructorMapper(AuditCheckpoint.class)
    AuditCheckpoint checkpoint();

    /** Walks the whole chain and proves the entry at the checkpoint still has the checkpoint's hash. */
    @SqlQuery
    @RegisterConstructorMapper(ChainCheck.class)
    ChainCheck verifyAgainst(@Bind("seq") long seq, @Bind("hash") String hash);

    /** Walks only the entries after the checkpoint, chaining from its hash. */
    @SqlQuery
    @RegisterConstructorMapper(ChainCheck.class)
    ChainCheck verifyFrom(@Bind("seq") long seq, @Bind("hash") String hash);

    @SqlQuery
    List<String> actionNames();
}
