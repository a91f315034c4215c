package dev.tower.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;

/** One place that decides how Jdbi is set up, so every DAO sees the same mappers and plugins. */
public final class JdbiFactory {
    private JdbiFactory() {}

    public static Jdbi create(DataSource dataSource) {
        return Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }
}
