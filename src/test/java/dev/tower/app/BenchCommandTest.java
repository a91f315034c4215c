package dev.tower.app;

import dev.tower.bench.AppStartupBench;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchReport;
import dev.tower.bench.BenchRunner;
import dev.tower.bench.BenchSessions;
import dev.tower.db.ConnectionSettings;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.demo.DemoScale;
import dev.tower.error.AccessDeniedException;
import dev.tower.security.PermissionMatrix;
import dev.tower.security.Role;
import dev.tower.setup.EmbeddedStartup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code tower bench --scale small --repeat 2}, in-process, on its own embedded database in a temp
 * folder (mutations run for real, so not on the shared test database). No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchCommandTest {
    private Path dataDir;
    private Path out;
    private int exitCode;
    private EmbeddedStartup.Ready ready;
    private BenchSessions sessions;
    private List<BenchOperation> registered;

    @BeforeAll
    void runBench() throws Exception {
        Path root = Path.of(System.getProperty("tower.test.dataDir", "target/test-pg"));
        Files.createDirectories(root);
        dataDir = Files.createTempDirectory(root, "bench-");
        out = Files.createTempDirectory(root, "bench-out-");
        exitCode = Main.run("bench", "--scale", "small", "--repeat", "2",
                "--data-dir", dataDir.toString(), "--out", out.toString());
        // Reopen the same database to see what is registered and to try each operation as each role.
        ready = EmbeddedStartup.start(dataDir, 0, false);
        EmbeddedDatabase db = ready.database();
        sessions = new BenchSessions(DemoScale.SMALL, new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                db.superuserPassword().toCharArray()), BenchCommand.wiring().signIn());
        registered = BenchRunner.discover(sessions);
    }

    @AfterAll
    void close() {
        if (sessions != null) {
            sessions.close();
        }
        if (ready != null) {
            ready.database().close();
        }
    }

    @Test
    void writesOneCsvRowPerRegisteredOperationAndARatioForEachBaselinePair() throws Exception {
        assertThat(exitCode).as("0 = all targets met, 1 = some missed; anything else is a crash").isIn(0, 1);
        List<String> lines = Files.readAllLines(out.resolve("bench.csv"));
        assertThat(lines.getFirst()).isEqualTo("operation,p50_ms,p95_ms,target_ms,baseline_operation,baseline_p50_ms,ratio");
        assertThat(BenchReport.CSV_HEADER).isEqualTo(lines.getFirst());
        Map<String, String[]> rows = lines.stream().skip(1)
                .map(l -> l.split(",", -1))
                .collect(Collectors.toMap(r -> r[0], Function.identity()));
        List<String> names = registered.stream().map(BenchOperation::name).toList();
        List<String> appRows = List.of(AppStartupBench.LAUNCH, AppStartupBench.FIRST_SCREEN,
                AppStartupBench.LAUNCH_NO_ARCHIVE, AppStartupBench.FIRST_SCREEN_NO_ARCHIVE);
        assertThat(lines).hasSize(names.size() + appRows.size() + 1);
        assertThat(rows.keySet()).containsAll(names).containsAll(appRows).hasSize(names.size() + appRows.size());
        for (String app : appRows) { // the child console signed in and reached its first screen (issue 8, item 6)
            assertThat(rows.get(app)[1]).as("p50 of %s (empty = the smoke sign-in failed)", app).isNotEmpty();
        }
        assertThat(rows.get(AppStartupBench.LAUNCH)[3]).isEqualTo("1500.000");
        assertThat(names).as("the audit example, the floor, sign-in, staff, settings, seeds, plans, baselines")
                .contains("audit.first_page", "audit.deep_page", "audit.chain_check", "floor.select_1", "floor.pk_read",
                        "signin.sign_in", "staff.create", "settings.update", "seed.booking_history",
                        "plans.disputed_last_page.ops", "analytics.refresh_concurrently", "listings.search");
        for (BenchOperation op : registered) {
            String[] row = rows.get(op.name());
            assertThat(row).as(op.name()).hasSize(7);
            assertThat(row[1]).as("p50 of %s (empty = it failed)", op.name()).isNotEmpty();
            if (op.baselineName().isPresent()) {
                assertThat(row[4]).isEqualTo(op.baseline());
                assertThat(rows).as("baseline of %s is registered", op.name()).containsKey(op.baseline());
                assertThat(Double.parseDouble(row[6])).as("ratio of %s", op.name()).isPositive();
            } else {
                assertThat(row[4] + row[5] + row[6]).as(op.name()).isEmpty();
            }
        }
        assertThat(Files.readString(out.resolve("bench.md"))).contains("| `audit.first_page` | admin |");
    }

    @Test
    void everyOperationRunsAsItsRoleAndIsRefusedToRolesWithoutItsPermission() {
        List<String> checkedRefusals = new ArrayList<>();
        for (BenchOperation op : registered) {
            assertThatCode(() -> op.run(sessions.sessionFor(op))).as("%s as its own role", op.name()).doesNotThrowAnyException();
            if (op.asSuperuser() || op.permission() == null) {
                continue; // comparisons as the superuser, and what every staff role may do (floor, sign-in)
            }
            for (Role role : Arrays.stream(Role.values()).filter(r -> !PermissionMatrix.allows(r, op.permission())).toList()) {
                try {
                    op.run(sessions.session(role));
                    fail(op.name() + " ran as " + role + ", who lacks " + op.permission());
                } catch (Exception e) {
                    assertThat(isRefusal(e)).as("%s as %s: %s", op.name(), role, e).isTrue();
                    checkedRefusals.add(op.name() + "/" + role);
                }
            }
        }
        assertThat(checkedRefusals).contains("audit.first_page/OPS", "staff.create/ANALYST", "seed.booking_history/ANALYST");
    }

    private static boolean isRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException || t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
