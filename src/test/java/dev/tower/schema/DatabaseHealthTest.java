package dev.tower.schema;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14, database health: the queries on the embedded database (pg_stat_statements preloaded) and the two guarded actions. */
class DatabaseHealthTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void theSnapshotHasSlowestStatementsTablesUnusedIndexesAndSessions() throws Exception {
        try (AdminSession admin = AdminSession.open(); Connection c = db.connectAsDemo("demo_ops");
             Statement s = c.createStatement()) {
            try (Connection su = db.superuser().getConnection(); Statement reset = su.createStatement()) {
                reset.execute("SELECT tower_monitor.pg_stat_statements_reset()"); // the fixture's migrations are slower still
            }
            s.execute("SELECT count(*) FROM bookings WHERE status = 'completed' AND pg_sleep(0.01) IS NOT NULL");
            HealthService.Snapshot snap = new HealthService(admin.session()).snapshot();
            assertThat(snap.statementsProblem()).isEmpty();
            assertThat(snap.statements()).isNotEmpty().anyMatch(st -> st.query().contains("FROM bookings WHERE status = $1 AND pg_sleep"));
            assertThat(snap.statements()).allSatisfy(st -> assertThat(st.calls()).isPositive());
            assertThat(snap.tables()).extracting(HealthDao.TableHealth::tableName).contains("bookings", "providers");
            assertThat(snap.tables()).allSatisfy(t -> assertThat(t.totalBytes()).isGreaterThanOrEqualTo(t.tableBytes() + t.indexBytes()));
            assertThat(snap.unusedIndexes()).isNotNull();
            assertThat(snap.sessions()).extracting(HealthDao.SessionRow::login).contains("demo_admin", "demo_ops");
        }
    }

    @Test
    void aBlockedSessionIsShownWithItsBlockerAndAnAdminCancelsItsStatementAudited() throws Exception {
        try (AdminSession admin = AdminSession.open(); Connection blocker = db.superuser().getConnection();
             Connection waiter = db.connectAsDemo("demo_ops")) {
            HealthService health = new HealthService(admin.session());
            int blockerPid = pid(blocker);
            int waiterPid = pid(waiter);
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE service_areas IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<SQLException> waiting = CompletableFuture.supplyAsync(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.execute("SET lock_timeout = 0");
                    s.executeQuery("SELECT count(*) FROM service_areas");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            HealthDao.SessionRow blocked = waitForBlocked(health, waiterPid);
            assertThat(Arrays.asList(blocked.blockedBy())).containsExactly(blockerPid);
            assertThat(blocked.waitEventType()).isEqualTo("Lock");
            assertThat(blocked.query()).contains("service_areas");

            // the superuser's session and the admin's own are not Tower's to cancel
            assertThatThrownBy(() -> health.cancel(blockerPid)).satisfies(e ->
                    assertThat(ErrorClassifier.classify(e)).isInstanceOf(ValidationException.class).hasMessageContaining("not to a staff login"));
            int own = admin.session().jdbi().withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
            assertThatThrownBy(() -> health.cancel(own)).satisfies(e ->
                    assertThat(ErrorClassifier.classify(e)).hasMessageContaining("own session"));
            assertThatThrownBy(() -> health.cancel(-1)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> health.cancel(999_999)).satisfies(e ->
                    assertThat(ErrorClassifier.classify(e)).hasMessageContaining("No session with process id 999999"));

            health.cancel(waiterPid);
            Throwable cancelled = waiting.get(30, TimeUnit.SECONDS);
            assertThat(cancelled).isNotNull();
            assertThat(((SQLException) cancelled).getSQLState()).isEqualTo("57014");
            assertThat(ErrorClassifier.classify(cancelled).getMessage()).contains("an admin cancelled it");
            blocker.rollback();
            assertThat(value("SELECT actor_login || ' ' || record_id || ' ' || (new_values->>'login') FROM audit_logs"
                    + " WHERE action_name = 'cancel_statement' ORDER BY seq DESC LIMIT 1"))
                    .isEqualTo("demo_admin " + waiterPid + " demo_ops");
        }
    }

    @Test
    void analyzeRunsOnMarketplaceTablesOnlyAndIsAudited() throws Exception {
        try (AdminSession admin = AdminSession.open()) {
            HealthService health = new HealthService(admin.session());
            health.analyze("service_areas");
            assertThat(value("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'service_areas'"))
                    .isEqualTo("t");
            assertThat(value("SELECT actor_login || ' ' || record_id FROM audit_logs WHERE action_name = 'analyze_table'"
                    + " ORDER BY seq DESC LIMIT 1")).isEqualTo("demo_admin public.service_areas");
            for (String bad : new String[] {"", "service_areas; DROP TABLE bookings", "Bookings", null}) {
                assertThatThrownBy(() -> health.analyze(bad)).isInstanceOf(ValidationException.class);
            }
            // past the app: anything that is not a public table owned by tower_owner is refused by the function
            for (String notOurs : new String[] {"audit_logs", "pg_authid", "no_such_table"}) {
                assertThatThrownBy(() -> admin.session().jdbi().useHandle(h -> h.execute("SELECT ops.analyze_table(?)", notOurs)))
                        .hasMessageContaining("no marketplace table");
            }
        }
    }

    @Test
    void noOtherRoleMaySeeHealthOrCancelOrAnalyze() throws Exception {
        for (Role role : new Role[] {Role.OPS, Role.ANALYST}) {
            String login = role == Role.OPS ? "demo_ops" : "demo_analyst";
            try (AdminSession other = AdminSession.open(login, role)) {
                HealthService theirs = new HealthService(other.session());
                assertThatThrownBy(theirs::snapshot).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> theirs.cancel(1)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> theirs.analyze("bookings")).isInstanceOf(AccessDeniedException.class);
            }
            try (Connection c = db.connectAsDemo(login); Statement s = c.createStatement()) {
                for (String call : new String[] {"SELECT * FROM ops.health_sessions()", "SELECT ops.cancel_statement(1)",
                        "SELECT ops.analyze_table('bookings')", "SELECT * FROM ops.health_slowest_statements(5)",
                        "SELECT * FROM tower_monitor.pg_stat_statements"}) {
                    assertThatThrownBy(() -> s.execute(call)).as(login + ": " + call).hasMessageContaining("permission denied");
                }
            }
        }
        // a login in no staff group at all
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("DROP ROLE IF EXISTS health_stranger");
            s.execute("CREATE ROLE health_stranger LOGIN PASSWORD 'Stranger-pw-1'");
        }
        try (Connection c = db.connect("health_stranger", "Stranger-pw-1"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT * FROM ops.health_sessions()")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("SELECT ops.cancel_statement(1)")).hasMessageContaining("permission denied");
        }
        // the functions belong to tower_monitor, which no staff role can become, and an admin acting as the owner cannot change them
        assertThat(value("SELECT string_agg(DISTINCT pg_get_userbyid(proowner), ',') FROM pg_proc WHERE proname IN"
                + " ('health_sessions', 'health_slowest_statements', 'analyze_table', 'cancel_statement')")).isEqualTo("tower_monitor");
        assertThat(value("SELECT count(*) FROM pg_auth_members WHERE roleid = 'tower_monitor'::regrole")).isEqualTo("0");
        try (Connection c = db.connectAsDemo("demo_admin"); Statement s = c.createStatement()) {
            s.execute("SET ROLE tower_owner");
            assertThatThrownBy(() -> s.execute("ALTER FUNCTION ops.cancel_statement(integer) SECURITY INVOKER"))
                    .hasMessageContaining("must be owner");
        }
    }

    private static HealthDao.SessionRow waitForBlocked(HealthService health, int pid) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (HealthDao.SessionRow r : health.snapshot().sessions()) {
                if (r.pid() == pid && r.blockedBy() != null && r.blockedBy().length > 0) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session " + pid + " never showed as blocked");
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String value(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
