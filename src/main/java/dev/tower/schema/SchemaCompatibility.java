package dev.tower.schema;

import dev.tower.security.SchemaStanding;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The on-connect check: reads the database's migration history as the signed-in staff member (V90 lets
 * staff read it; a database that does not is older than V90, so behind) and compares it with this build.
 */
public final class SchemaCompatibility {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCompatibility.class);

    private SchemaCompatibility() {}

    public static SchemaStanding check(Jdbi jdbi) {
        return compare(BuildMigrations.versions(), applied(jdbi));
    }

    /** @param applied versions the database recorded, or null when its history could not be read */
    static SchemaStanding compare(List<MigrationVersion> build, List<SchemaDao.AppliedVersion> applied) {
        String buildVersion = build.isEmpty() ? "none" : build.getLast().getVersion();
        if (applied == null) {
            return new SchemaStanding(SchemaStanding.State.BEHIND, null, buildVersion,
                    build.stream().map(MigrationVersion::getVersion).toList());
        }
        Set<MigrationVersion> succeeded = new HashSet<>();
        MigrationVersion highest = MigrationVersion.EMPTY;
        for (SchemaDao.AppliedVersion row : applied) {
            MigrationVersion v = MigrationVersion.fromVersion(row.version());
            if (row.success()) {
                succeeded.add(v);
                highest = v.compareTo(highest) > 0 ? v : highest;
            }
        }
        String databaseVersion = highest == MigrationVersion.EMPTY ? null : highest.getVersion();
        if (!build.isEmpty() && highest.compareTo(build.getLast()) > 0) {
            return new SchemaStanding(SchemaStanding.State.AHEAD, databaseVersion, buildVersion, List.of());
        }
        List<String> pending = build.stream().filter(v -> !succeeded.contains(v)).map(MigrationVersion::getVersion).toList();
        boolean failedRows = applied.stream().anyMatch(r -> !r.success());
        if (!pending.isEmpty() || failedRows) {
            return new SchemaStanding(SchemaStanding.State.BEHIND, databaseVersion, buildVersion, pending);
        }
        return SchemaStanding.current(databaseVersion);
    }

    private static List<SchemaDao.AppliedVersion> applied(Jdbi jdbi) {
        try {
            return jdbi.withExtension(SchemaDao.class, SchemaDao::appliedVersions);
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql
                    && ("42501".equals(sql.getSQLState()) || "42P01".equals(sql.getSQLState()))) {
                LOG.info("Migration history not readable ({}): the schema is older than this build", sql.getSQLState());
                return null;
            }
            throw e;
        }
    }
}
