package dev.tower.schema;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;

@UseClasspathSqlLocator
public interface SchemaDao {
    record AppliedVersion(String version, boolean success) {}

    /** Versioned rows of flyway_schema_history, as the staff member reads them. */
    @SqlQuery
    @RegisterConstructorMapper(AppliedVersion.class)
    List<AppliedVersion> appliedVersions();

    /** Writes the audit row of a validate / migrate / repair (ops.record_schema_action, V90). */
    @SqlQuery
    long recordSchemaAction(@Bind("action") String action, @Bind("outcome") String outcome,
                            @Bind("summary") String summary, @Bind("items") String[] items, @Bind("location") String location);
}
