package dev.tower.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;

/**
 * Flyway over {@code classpath:db/migration}. Every migration runs after {@code SET ROLE tower_owner},
 * so the owner role owns every object it creates (and Flyway's history table) whoever connected:
 * the embedded superuser, or an admin login that is a member of tower_owner.
 */
public final class Migrator {
    public static final String OWNER_ROLE = "tower_owner";
    private final Flyway flyway;

    public Migrator(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .initSql("SET ROLE " + OWNER_ROLE)
                .defaultSchema("public")
                .schemas("public")
                .createSchemas(false)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    /** Migrations known to this build that the database has not applied yet. */
    public List<MigrationInfo> pending() {
        return Arrays.asList(flyway.info().pending());
    }

    public List<MigrationInfo> all() {
        return Arrays.asList(flyway.info().all());
    }
}
