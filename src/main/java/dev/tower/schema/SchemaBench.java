package dev.tower.schema;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.util.List;

/**
 * The Migrations and Database health screens for {@code tower bench}, as the admin who opens them: Flyway's
 * view of the database (what the panel lists), a validation, the health snapshot (statements, tables,
 * unused indexes, sessions) and one audited ANALYZE of a small table. None has a DESIGN.md target: they
 * read the whole schema history or the server's statistics, so they are measured (CHECK), not held to
 * the list-page figure.
 */
public final class SchemaBench implements BenchOperations {
    /** Small (a few rows) so the ANALYZE measures the guarded path, not the sampling of a big table. */
    static final String ANALYZED_TABLE = "service_areas";

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        return List.of(
                BenchOperation.of("schema.migrations_status", Role.ADMIN, Permission.VIEW_SCHEMA_STATUS, BenchTarget.CHECK,
                        s -> new SchemaService(s).status()),
                BenchOperation.of("schema.validate", Role.ADMIN, Permission.VIEW_SCHEMA_STATUS, BenchTarget.CHECK,
                        s -> new SchemaService(s).validate()),
                BenchOperation.of("health.snapshot", Role.ADMIN, Permission.VIEW_DATABASE_HEALTH, BenchTarget.CHECK,
                        s -> new HealthService(s).snapshot()),
                BenchOperation.of("health.analyze_table", Role.ADMIN, Permission.VIEW_DATABASE_HEALTH, BenchTarget.CHECK,
                        s -> new HealthService(s).analyze(ANALYZED_TABLE)));
    }
}
