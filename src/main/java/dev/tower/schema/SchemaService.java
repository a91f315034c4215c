package dev.tower.schema;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.db.ConnectionSettings;
import dev.tower.db.Migrator;
import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.SchemaStanding;
import dev.tower.security.Session;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The migrations panel's work: Flyway's info, validate, migrate and repair on the connected database.
 * Flyway runs on its own throw-away connections, logged in as the admin and switched to tower_owner
 * ({@link Migrator}); the admin's pool never carries that role. Each validate / migrate / repair is then
 * audited through {@code ops.record_schema_action} (V90), outcome included.
 */
public final class SchemaService {
    private final Session session;
    private final String location;

    public SchemaService(Session session) {
        this(session, Migrator.BUILD_LOCATION);
    }

    /** @param location the scripts Flyway compares with (tests point it at a scratch folder) */
    public SchemaService(Session session, String location) {
        this.session = Objects.requireNonNull(session);
        this.location = Objects.requireNonNull(location);
    }

    public record ValidationReport(boolean valid, List<String> problems) {}

    public record MigrateOutcome(List<String> applied, SchemaStanding standing) {}

    public record RepairOutcome(List<String> actions) {}

    /** Every migration Flyway knows of, in this build or in the database, lowest version first. */
    public List<MigrationRow> status() {
        AccessGuard.require(session, Permission.VIEW_SCHEMA_STATUS);
        return flyway(m -> m.all().stream().map(MigrationRow::of).toList());
    }

    /** The scripts a migrate would run now (what the confirmation lists). */
    public List<MigrationRow> pending() {
        AccessGuard.require(session, Permission.APPLY_MIGRATIONS);
        return flyway(m -> m.pending().stream().map(MigrationRow::of).toList());
    }

    public ValidationReport validate() {
        AccessGuard.require(session, Permission.VIEW_SCHEMA_STATUS);
        ValidateResult result = flyway(Migrator::validate);
        List<String> problems = new ArrayList<>();
        result.invalidMigrations.forEach(o -> problems.add((o.version == null || o.version.isEmpty() ? "" : "V" + o.version + ": ")
                + (o.errorDetails == null ? "invalid" : o.errorDetails.errorMessage)
                + (o.filepath == null || o.filepath.isEmpty() ? "" : " (" + o.filepath + ")")));
        if (problems.isEmpty() && !result.validationSuccessful && result.errorDetails != null) {
            problems.add(result.errorDetails.errorMessage);
        }
        audit("validate", "succeeded", result.validationSuccessful ? "valid" : problems.size() + " problem(s)", problems);
        return new ValidationReport(result.validationSuccessful, List.copyOf(problems));
    }

    /**
     * Applies the pending migrations, as tower_owner, only if they are exactly the ones the admin confirmed.
     *
     * @param confirmed the versions the confirmation listed
     */
    public MigrateOutcome migrate(List<String> confirmed) {
        AccessGuard.require(session, Permission.APPLY_MIGRATIONS);
        if (confirmed == null || confirmed.isEmpty()) {
            throw new ValidationException("schema.nothing_confirmed", "There are no pending migrations to apply.");
        }
        List<String> pendingNow = flyway(m -> m.pending().stream().map(i -> MigrationRow.of(i).version()).toList());
        if (!pendingNow.equals(confirmed)) {
            throw ConflictException.changedMeanwhile("schema.pending_changed", "The pending migrations changed since you"
                    + " confirmed them (now: " + String.join(", ", pendingNow) + "). Nothing was applied; review them again.",
                    null);
        }
        MigrateResult result;
        try {
            result = flyway(Migrator::migrate);
        } catch (TowerException e) {
            audit("migrate", "failed", e.getMessage(), confirmed);
            throw e;
        }
        List<String> applied = result.migrations.stream().map(o -> o.version).toList();
        audit("migrate", "succeeded", "now at version " + result.targetSchemaVersion, applied);
        return new MigrateOutcome(applied, SchemaCompatibility.check(session.jdbi()));
    }

    /** Removes failed entries and realigns recorded checksums with the files (says what it did). */
    public RepairOutcome repair() {
        AccessGuard.require(session, Permission.APPLY_MIGRATIONS);
        RepairResult result = flyway(Migrator::repair);
        List<String> actions = new ArrayList<>(result.repairActions == null ? List.of() : result.repairActions);
        result.migrationsRemoved.forEach(o -> actions.add("removed failed V" + o.version + " " + o.description));
        result.migrationsAligned.forEach(o -> actions.add("aligned checksum of V" + o.version + " " + o.description));
        result.migrationsDeleted.forEach(o -> actions.add("marked missing V" + o.version + " " + o.description + " as deleted"));
        audit("repair", "succeeded", actions.size() + " action(s)", actions);
        return new RepairOutcome(List.copyOf(actions));
    }

    /** The on-connect comparison again (after a migration, or on the panel's reload). */
    public SchemaStanding standing() {
        AccessGuard.require(session, Permission.VIEW_SCHEMA_STATUS);
        return SchemaCompatibility.check(session.jdbi());
    }

    /** @param summary one plain sentence; {@code items} the versions or actions it concerns */
    private void audit(String action, String outcome, String summary, List<String> items) {
        session.jdbi().useExtension(SchemaDao.class, dao -> dao.recordSchemaAction(action, outcome, summary,
                items.toArray(String[]::new), location));
    }

    private <T> T flyway(java.util.function.Function<Migrator, T> work) {
        try {
            return work.apply(new Migrator(ownSettings(), location));
        } catch (FlywayException e) {
            TowerException typed = ErrorClassifier.classify(e);
            if (typed instanceof dev.tower.error.ConnectionLostException || typed instanceof dev.tower.error.AccessDeniedException) {
                throw typed;
            }
            // Flyway's first line names the script; the server's own sentence says what went wrong in it
            String server = null;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql) {
                    server = sql.getMessage();
                }
            }
            throw new ValidationException("schema.flyway", firstLine(e.getMessage())
                    + (server == null ? "" : " — " + firstLine(server)), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Flyway refused the operation.";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 400 ? line.substring(0, 400) + "\u2026" : line;
    }

    /** The signed-in login's own address and password, for Flyway's unpooled connections. */
    private ConnectionSettings ownSettings() {
        if (!(session.dataSource() instanceof HikariDataSource pool)) {
            throw new IllegalStateException("The session's connections cannot be reopened for Flyway");
        }
        return new ConnectionSettings(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword() == null ? new char[0] : pool.getPassword().toCharArray());
    }
}
