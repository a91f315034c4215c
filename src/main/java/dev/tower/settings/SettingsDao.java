package dev.tower.settings;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

@UseClasspathSqlLocator
public interface SettingsDao {
    record Row(String configKey, String value, String description, Instant updatedAt) {}

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    List<Row> listSettings();

    /** @return the changed row as stored now; its updatedAt is the version for the next optimistic check */
    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    Row set(@Bind("key") String key, @Bind("value") String value, @Bind("expectedUpdatedAt") Instant expectedUpdatedAt);
}
