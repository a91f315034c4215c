package dev.tower.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.Arrays;
import java.util.List;

/**
 * Flyway over {@code classpath:db/migration}. Every migration runs after {@code SET ROLE tower_owner},
 * so the owner role owns every object it creates (and Flyway's history table) whoever connected:
 * the embedded superuser, a setup login, or an admin login allowed to act as tower_owner.
 *
 * <p>Migrator takes connection settings, never a pool: the {@code SET ROLE} stays on the connection,
 * and a pooled connection handed back afterwards would let its next borrower (an admin's screen) write
 * as the owner. Flyway gets its own unpooled connections, opened for the call and closed after it, for
 * {@link #pending()} and {@link #all()} as much as for {@link #migrate()}.
 */
public final class Migrator {
    public static final String OWNER_ROLE = "tower_owner";
    /** The application name on Flyway's own connections (shown in pg_stat_activity). */
    public static final String APPLICATION_NAME = "Tower migrations";
    private final Flyway flyway;

    public static final String BUILD_LOCATION = "classpath:db/migration";

    public Migrator(ConnectionSettings settings) {
        this(settings, BUILD_LOCATION);
    }

    /** @param location where the scripts are: this build's ({@link #BUILD_LOCATION}) or, in tests, a scratch folder */
    public Migrator(ConnectionSettings settings, String location) {
        this.flyway = Flyway.configure()
                .dataSource(throwAwayConnections(settings))
                .locations(location)
                .initSql("SET ROLE " + OWNER_ROLE)
                // who ran it (the admin's login, or tower_setup), not the role it ran as
                .installedBy(settings.login())
                .defaultSchema("public")
                .schemas("public")
                .createSchemas(false)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    /** Connections that really close when Flyway closes them: nothing pools them, nothing reuses them. */
    private static PGSimpleDataSource throwAwayConnections(ConnectionSettings settings) {
        PGSimpleDataSource ds = DataSources.simple(settings);
        ds.setApplicationName(APPLICATION_NAME);
        // an admin's login has the staff statement_timeout (60 s); an index build may take longer
        ds.setOptions("-c statement_timeout=0");
        return ds;
    }

    public MigrateResult migrate() {
        return flyway.migrate();
    }

    /** Migrations known to this build that the database has not applied yet. */
    public List<MigrationInfo> pending() {
        return Arrays.asList(flyway.info().pending());
    }

    /** Checks every applied script against its file (checksums, missing, failed); never changes anything. */
    public ValidateResult validate() {
        return flyway.validateWithResult();
    }

    /** Removes failed entries and realigns checksums, descriptions and types with the files. */
    public RepairResult repair() {
        return flyway.repair();
    }

    public List<MigrationInfo> all() {
        return Arrays.asList(flyway.info().all());
    }
}
