package dev.tower.schema;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.JdbiFactory;
import dev.tower.demo.DemoLogins;
import dev.tower.error.AccessDeniedException;
import dev.tower.error.ConflictException;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.security.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, migrations panel: every state Flyway can report, produced for real on a scratch database
 * migrated like Tower's own, by changing the folder of scripts the panel compares it with.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsPanelStatesTest {
    @TempDir
    static Path tmp;
    private static ScratchDatabase scratch;
    private static Path scripts;
    private static Session admin;
    private static SchemaService service;

    @BeforeAll
    static void scratchDatabase() throws Exception {
        scratch = ScratchDatabase.create(true);
        scripts = ScratchDatabase.copyOfBuildScripts(tmp.resolve("migrations"));
        admin = session("demo_admin", Role.ADMIN);
        service = new SchemaService(admin, "filesystem:" + scripts);
    }

    @AfterAll
    static void dropIt() {
        if (admin != null) {
            admin.close();
        }
        if (scratch != null) {
            scratch.drop();
        }
    }

    static Session session(String login, Role role) {
        var pool = DataSources.staffPool(new ConnectionSettings(scratch.jdbcUrl, login, DemoLogins.PASSWORD.toCharArray()),
                "scratch-" + login);
        return new Session(login, login, role, "scratch", pool, JdbiFactory.create(pool), pool::close);
    }

    private static MigrationRow row(String version) {
        return service.status().stream().filter(r -> r.version().equals(version)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aFreshlyMigratedDatabaseIsAllAppliedAndValid() {
        List<MigrationRow> rows = service.status();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(MigrationRow.Status.APPLIED));
        assertThat(rows.getFirst().installedBy()).isEqualTo("tower_setup");
        assertThat(service.validate().valid()).isTrue();
        assertThat(service.standing().state()).isEqualTo(dev.tower.security.SchemaStanding.State.CURRENT);
    }

    @Test
    @Order(2)
    void aPendingMigrationIsListedAndAppliedAsTheOwnerOnlyAsConfirmedAndAudited() throws Exception {
        Files.writeString(scripts.resolve("V900__scratch_pending.sql"), "CREATE TABLE public.scratch_pending (id int);\n");
        assertThat(row("900").status()).isEqualTo(MigrationRow.Status.PENDING);
        assertThat(service.pending()).extracting(MigrationRow::script).containsExactly("V900__scratch_pending.sql");

        assertThatThrownBy(() -> service.migrate(List.of("900", "901"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since you confirmed");
        assertThatThrownBy(() -> service.migrate(List.of())).isInstanceOf(ValidationException.class);
        assertThat(scratch.query("SELECT to_regclass('public.scratch_pending')")).isNull();

        SchemaService.MigrateOutcome outcome = service.migrate(List.of("900"));
        assertThat(outcome.applied()).containsExactly("900");
        assertThat(row("900").status()).isEqualTo(MigrationRow.Status.APPLIED);
        assertThat(row("900").installedBy()).isEqualTo("demo_admin");
        assertThat(scratch.query("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.scratch_pending'::regclass"))
                .isEqualTo("tower_owner");
        assertThat(scratch.query("SELECT actor_login || ' ' || (new_values->>'outcome') || ' ' || (new_values->'items')::text"
                + " FROM audit_logs WHERE action_name = 'schema_migrate' ORDER BY seq DESC LIMIT 1"))
                .isEqualTo("demo_admin succeeded [\"900\"]");
        // the admin's own pool was not left as the owner
        String currentUser = admin.jdbi().withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
        assertThat(currentUser).isEqualTo("demo_admin");
    }

    @Test
    @Order(3)
    void aFailedMigrationShowsAsFailedIsAuditedAndRepairRemovesIt() throws Exception {
        Files.writeString(scripts.resolve("V901__scratch_fails.sql"),
                "CREATE TABLE public.scratch_half (id int);\nSELECT 1 / 0;\n");
        Files.writeString(scripts.resolve("V901__scratch_fails.sql.conf"), "executeInTransaction=false\n");
        try {
            assertThatThrownBy(() -> service.migrate(List.of("901"))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("901");
            assertThat(scratch.query("SELECT new_values->>'outcome' FROM audit_logs WHERE action_name = 'schema_migrate'"
                    + " ORDER BY seq DESC LIMIT 1")).isEqualTo("failed");
            // run outside a transaction, its first statement stayed: why the confirmation says "rolled back" only
            // of transactional scripts, and why a failed entry needs a look before repair
            assertThat(scratch.query("SELECT to_regclass('public.scratch_half')")).isEqualTo("scratch_half");
            // Flyway 12 on PostgreSQL does not keep a failed row; a database migrated by an older Flyway (or
            // another tool) does. That row, as Flyway writes it:
            scratch.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '901',"
                    + " 'scratch fails', 'SQL', 'V901__scratch_fails.sql', NULL, 'demo_admin', 5, false FROM flyway_schema_history");
            MigrationRow failed = row("901");
            assertThat(failed.status()).isEqualTo(MigrationRow.Status.FAILED);
            assertThat(failed.problem()).contains("Failed").contains("repair");
            assertThat(service.validate().valid()).isFalse();

            SchemaService.RepairOutcome repaired = service.repair();
            assertThat(repaired.actions()).anyMatch(a -> a.contains("901"));
            assertThat(row("901").status()).isEqualTo(MigrationRow.Status.PENDING);
            assertThat(scratch.query("SELECT count(*) FROM audit_logs WHERE action_name = 'schema_repair'")).isEqualTo("1");
        } finally {
            Files.delete(scripts.resolve("V901__scratch_fails.sql"));
            Files.delete(scripts.resolve("V901__scratch_fails.sql.conf"));
        }
    }

    @Test
    @Order(4)
    void aChangedFileIsAChecksumMismatchNamingTheFileAndValidateSaysSo() throws Exception {
        Path first = Files.list(scripts).filter(p -> p.getFileName().toString().startsWith("V1__")).findFirst().orElseThrow();
        Files.writeString(first, "\n-- edited after it landed\n", StandardOpenOption.APPEND);
        MigrationRow changed = row("1");
        assertThat(changed.status()).isEqualTo(MigrationRow.Status.CHECKSUM_MISMATCH);
        assertThat(changed.problem()).contains(first.getFileName().toString()).contains("changed after it was applied");

        SchemaService.ValidationReport report = service.validate();
        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.startsWith("V1: ") && p.contains(first.getFileName().toString()));
        assertThat(scratch.query("SELECT new_values->>'summary' FROM audit_logs WHERE action_name = 'schema_validate'"
                + " ORDER BY seq DESC LIMIT 1")).contains("problem");
        assertThatThrownBy(() -> service.migrate(List.of("1"))).isInstanceOf(ConflictException.class);

        service.repair();
        assertThat(row("1").status()).isEqualTo(MigrationRow.Status.APPLIED);
    }

    @Test
    @Order(5)
    void anAppliedScriptWithoutAFileIsMissingAndOneAboveEveryFileIsFuture() throws Exception {
        Files.delete(Files.list(scripts).filter(p -> p.getFileName().toString().startsWith("V2__")).findFirst().orElseThrow());
        Files.delete(scripts.resolve("V900__scratch_pending.sql"));
        assertThat(row("2").status()).isEqualTo(MigrationRow.Status.MISSING);
        assertThat(row("900").status()).isEqualTo(MigrationRow.Status.FUTURE);
        assertThat(row("900").problem()).contains("newer Tower");
        assertThat(service.validate().valid()).isFalse();
    }

    @Test
    @Order(6)
    void noOtherRoleMayReadOrChangeTheSchemaNorWriteItsAuditRow() throws Exception {
        for (Role role : List.of(Role.OPS, Role.ANALYST)) {
            String login = role == Role.OPS ? "demo_ops" : "demo_analyst";
            try (Session other = session(login, role)) {
                SchemaService theirs = new SchemaService(other, "filesystem:" + scripts);
                assertThatThrownBy(theirs::status).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(theirs::validate).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> theirs.migrate(List.of("900"))).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(theirs::repair).isInstanceOf(AccessDeniedException.class);
                // past the app, with psql: the audit function is not theirs to call
                assertThatThrownBy(() -> other.jdbi().useHandle(h -> h.execute(
                        "SELECT ops.record_schema_action('migrate', 'succeeded', '{}')")))
                        .hasMessageContaining("permission denied");
            }
        }
        // an admin's bad input is refused in plain words and writes nothing
        String before = scratch.query("SELECT count(*) FROM audit_logs");
        assertThatThrownBy(() -> admin.jdbi().useHandle(h -> h.execute(
                "SELECT ops.record_schema_action('drop everything', 'succeeded', '{}')")))
                .hasMessageContaining("validate, migrate or repair");
        assertThatThrownBy(() -> admin.jdbi().useHandle(h -> h.execute(
                "SELECT ops.record_schema_action('migrate', 'succeeded', '[1]')")))
                .hasMessageContaining("JSON object");
        assertThat(scratch.query("SELECT count(*) FROM audit_logs")).isEqualTo(before);
    }
}
