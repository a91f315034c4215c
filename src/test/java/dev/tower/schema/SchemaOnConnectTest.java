package dev.tower.schema;

import dev.tower.demo.DemoLogins;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.security.SchemaStanding;
import dev.tower.security.Session;
import dev.tower.signin.SignInRequest;
import dev.tower.signin.SignInService;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.kit.Command;
import dev.tower.ui.WriteGate;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, on connect: Tower never migrates an external database; a schema behind the build gives
 * non-admins a read-only session (the server refuses writes) and admins the offer to migrate; a schema
 * ahead refuses writes and names the version it needs.
 */
class SchemaOnConnectTest {
    private static ScratchDatabase scratch;

    @BeforeAll
    static void scratchDatabase() throws Exception {
        scratch = ScratchDatabase.create(true);
        // a table an ops login may write directly, so the read-only refusal is the server's and nothing else
        scratch.execute("CREATE TABLE public.scratch_notes (note text); GRANT INSERT ON public.scratch_notes TO tower_ops");
    }

    @AfterAll
    static void dropIt() {
        if (scratch != null) {
            scratch.drop();
        }
    }

    private static Session signIn(String login) {
        return new SignInService().signIn(new SignInRequest(scratch.jdbcUrl, login, DemoLogins.PASSWORD.toCharArray(), false));
    }

    @Test
    void theFixtureDatabaseIsCurrentAndWritable() {
        try (Session s = new SignInService().signIn(new SignInRequest(TestDatabase.get().jdbcUrl(), "demo_ops",
                DemoLogins.PASSWORD.toCharArray(), false))) {
            assertThat(s.schema().state()).isEqualTo(SchemaStanding.State.CURRENT);
            assertThat(s.schema().readOnlyReason(Role.OPS)).isEmpty();
        }
    }

    @Test
    void aSchemaBehindGivesOpsAReadOnlySessionTheServerEnforcesAndOffersAdminsTheMigration() throws Exception {
        String latest = BuildMigrations.latest().getVersion();
        scratch.execute("DELETE FROM flyway_schema_history WHERE version = '" + latest + "'");
        try {
            try (Session ops = signIn("demo_ops")) {
                assertThat(ops.schema().state()).isEqualTo(SchemaStanding.State.BEHIND);
                assertThat(ops.schema().pending()).containsExactly(latest);
                String reason = ops.schema().readOnlyReason(Role.OPS);
                assertThat(reason).contains("read-only").contains("Ask an admin");
                String readOnly = ops.jdbi().withHandle(h -> h.createQuery("SHOW default_transaction_read_only")
                        .mapTo(String.class).one());
                assertThat(readOnly).isEqualTo("on");
                assertThatThrownBy(() -> ops.jdbi().useHandle(h -> h.execute("INSERT INTO public.scratch_notes VALUES ('x')")))
                        .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isInstanceOf(ValidationException.class)
                                .hasMessageContaining("read-only"));
                assertThat(scratch.query("SELECT count(*) FROM public.scratch_notes")).isEqualTo("0");

                // the app side: with the reason set, every write command is off, reads stay on
                WriteGate gate = new WriteGate();
                gate.setSchemaReadOnly(reason);
                SimpleBooleanProperty yes = new SimpleBooleanProperty(true);
                int[] ran = {0};
                Command write = Command.of(gate, "Save", yes, yes, new SimpleBooleanProperty(false), () -> ran[0]++);
                Command read = Command.reading(gate, "Search", yes, yes, new SimpleBooleanProperty(false), () -> ran[0]++);
                assertThat(write.execute()).isFalse();
                assertThat(read.execute()).isTrue();
                assertThat(ran[0]).isEqualTo(1);
            }
            try (Session admin = signIn("demo_admin")) {
                assertThat(admin.schema().state()).isEqualTo(SchemaStanding.State.BEHIND);
                assertThat(admin.schema().readOnlyReason(Role.ADMIN)).contains("Schema screen");
                // an admin's pool is not read-only: applying the migration must be possible (and audited)
                String readOnly = admin.jdbi().withHandle(h -> h.createQuery("SHOW default_transaction_read_only")
                        .mapTo(String.class).one());
                assertThat(readOnly).isEqualTo("off");
            }
            // nothing was migrated by signing in
            assertThat(scratch.query("SELECT count(*) FROM flyway_schema_history WHERE version = '" + latest + "'")).isEqualTo("0");
        } finally {
            scratch.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '" + latest
                    + "', 'restored', 'SQL', 'restored.sql', NULL, 'test', 0, true FROM flyway_schema_history");
        }
    }

    @Test
    void aSchemaAheadRefusesWritesAndSaysWhichVersionItNeeds() throws Exception {
        scratch.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999', 'from a newer tower',"
                + " 'SQL', 'V999__from_a_newer_tower.sql', 1, 'tower_setup', 1, true FROM flyway_schema_history");
        try {
            for (String login : new String[] {"demo_admin", "demo_analyst"}) {
                try (Session s = signIn(login)) {
                    assertThat(s.schema().state()).isEqualTo(SchemaStanding.State.AHEAD);
                    assertThat(s.schema().writable()).isFalse();
                    assertThat(s.schema().readOnlyReason(s.role())).contains("version 999")
                            .contains("knows up to version " + BuildMigrations.latest().getVersion());
                }
            }
        } finally {
            scratch.execute("DELETE FROM flyway_schema_history WHERE version = '999'");
        }
    }

    @Test
    void aDatabaseWhoseHistoryStaffCannotReadIsBehind() throws Exception {
        scratch.execute("REVOKE SELECT ON public.flyway_schema_history FROM tower_ops");
        try (Session ops = signIn("demo_ops")) {
            assertThat(ops.schema().state()).isEqualTo(SchemaStanding.State.BEHIND);
            assertThat(ops.schema().databaseVersion()).isNull();
        } finally {
            scratch.execute("GRANT SELECT ON public.flyway_schema_history TO tower_ops");
        }
    }
}
