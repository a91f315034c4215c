package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.RefreshOutcome;
import dev.tower.error.AccessDeniedException;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refreshing the analytics views over the real database: concurrency, refusal, failure, the log. */
class AnalyticsRefreshTest {
    private static TestDatabase db;

    @BeforeAll
    static void demoData() {
        db = TestDatabase.withDemoData();
    }

    @Test
    void refreshIsLoggedWithWhoRowsAndOutcomeAndTheDashboardSaysHowOld() throws Exception {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            Instant before = Instant.now().minusSeconds(1);
            RefreshOutcome outcome = service.refresh("analytics_daily_bookings");
            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.rowCount()).isPositive();
            assertThat(scalar("SELECT count(*) FROM analytics_daily_bookings")).isEqualTo(outcome.rowCount());
            try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT refreshed_by, row_count, outcome, was_concurrent, duration_ms"
                         + " FROM mv_refresh_log WHERE id = " + outcome.logId())) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("demo_analyst");
                assertThat(rs.getLong(2)).isEqualTo(outcome.rowCount());
                assertThat(rs.getString(3)).isEqualTo("ok");
                assertThat(rs.getBoolean(4)).isTrue();
                assertThat(rs.getInt(5)).isGreaterThanOrEqualTo(0);
            }
            assertThat(scalar("SELECT count(*) FROM audit_logs WHERE action_name = 'refresh_analytics' AND record_id = '"
                    + outcome.logId() + "' AND actor_login = 'demo_analyst'")).isEqualTo(1);
            Freshness daily = service.freshness().stream()
                    .filter(f -> f.viewName().equals("analytics_daily_bookings")).findFirst().orElseThrow();
            assertThat(daily.refreshedAt()).isAfter(before);
            assertThat(daily.refreshedBy()).isEqualTo("demo_analyst");
            assertThat(Staleness.describe(java.util.Optional.of(daily), daily.refreshedAt().plusSeconds(12 * 60)))
                    .isEqualTo("Data as of 12 minutes ago (refreshed by demo_analyst)");
        }
    }

    @Test
    void aSecondRefreshOfTheSameViewWhileOneRunsIsRefusedInPlainWords() throws Exception {
        try (Connection first = db.connectAsDemo("demo_admin");
             AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            first.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                // a real refresh, done but not committed: it holds the view's refresh lock until it commits
                s.execute("SELECT * FROM ops.refresh_analytics('analytics_weekly_refunds_disputes')");
            }
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            assertThatThrownBy(() -> service.refresh("analytics_weekly_refunds_disputes"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("\"Refunds and disputes by week\" is already being refreshed by demo_admin")
                    .hasMessageContaining("This second refresh was not started");
            first.commit();
            assertThat(service.refresh("analytics_weekly_refunds_disputes").ok()).isTrue();
        }
        // the lock is per view: while one view's lock row is held (here by the fixture, since an uncommitted
        // refresh also holds the audit chain's head), another view refreshes
        try (Connection su = db.superuser().getConnection();
             AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            su.setAutoCommit(false);
            try (Statement s = su.createStatement()) {
                s.execute("SELECT * FROM tower_internal.analytics_refresh_locks"
                        + " WHERE view_name = 'analytics_weekly_refunds_disputes' FOR UPDATE");
            }
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            assertThatThrownBy(() -> service.refresh("analytics_weekly_refunds_disputes"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("is already being refreshed");
            assertThat(service.refresh("analytics_verification_funnel").ok()).isTrue();
            su.rollback();
        }
    }

    /**
     * What V81's advisory lock allowed: any login holding the refresh's lock key and so blocking every refresh
     * of that view. Each staff role, from raw SQL, tries to take the old key and to lock the new lock row,
     * then another session refreshes: it is never refused.
     */
    @Test
    void noStaffLoginCanHoldTheRefreshLockFromRawSql() throws Exception {
        for (String login : List.of("demo_admin", "demo_ops", "demo_analyst")) {
            try (Connection attacker = db.connectAsDemo(login);
                 AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
                attacker.setAutoCommit(false);
                try (Statement s = attacker.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(80, hashtext('analytics_daily_bookings'))");
                    s.execute("SELECT pg_advisory_lock(80, hashtext('analytics_daily_bookings'))");
                }
                for (String grab : List.of(
                        "SELECT * FROM tower_internal.analytics_refresh_locks FOR UPDATE",
                        "SELECT * FROM tower_internal.analytics_refresh_locks FOR KEY SHARE",
                        "LOCK TABLE tower_internal.analytics_refresh_locks IN ACCESS EXCLUSIVE MODE",
                        "SELECT * FROM analytics_views FOR UPDATE",
                        "LOCK TABLE analytics_views IN ACCESS EXCLUSIVE MODE",
                        "SELECT tower_internal.add_analytics_refresh_lock()")) {
                    try (Statement s = attacker.createStatement()) {
                        s.execute("SAVEPOINT attempt");
                        assertThatThrownBy(() -> s.execute(grab)).as("%s: %s", login, grab)
                                .isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getSQLState()).isIn("42501", "0A000", "42883"));
                        s.execute("ROLLBACK TO SAVEPOINT attempt");
                    }
                }
                AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
                assertThat(service.refresh("analytics_daily_bookings").ok()).as("refresh while %s holds what it can", login)
                        .isTrue();
                attacker.rollback();
                try (Statement s = attacker.createStatement()) {
                    s.execute("SELECT pg_advisory_unlock_all()");
                }
            }
        }
    }

    @Test
    void aReaderNeverBlocksDuringAConcurrentRefreshAndSeesOnlyOldOrNewTotals() throws Exception {
        String sum = "SELECT coalesce(sum(gross_amount), 0) FROM analytics_daily_bookings";
        BigDecimal old = decimal(sum);
        int changed;
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            changed = s.executeUpdate("UPDATE bookings SET price_total = price_total + 1 WHERE id IN "
                    + "(SELECT id FROM bookings ORDER BY id LIMIT 7)");
        }
        try (Connection refresher = db.connectAsDemo("demo_analyst");
             Connection reader = db.connectAsDemo("demo_analyst")) {
            refresher.setAutoCommit(false);
            try (Statement s = refresher.createStatement()) {
                s.execute("SELECT * FROM ops.refresh_analytics('analytics_daily_bookings')");
            }
            try (Statement s = reader.createStatement()) {
                s.execute("SET lock_timeout = '1s'");
                s.execute("SET statement_timeout = '2s'");
            }
            // the refresh is done but not committed; its lock is held: the reader must neither wait nor see it
            CompletableFuture<BigDecimal> during = CompletableFuture.supplyAsync(() -> decimal(reader, sum));
            assertThat(during.get(5, TimeUnit.SECONDS)).isEqualByComparingTo(old);
            refresher.commit();
            assertThat(decimal(reader, sum)).isEqualByComparingTo(old.add(BigDecimal.valueOf(changed)));
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.executeUpdate("UPDATE bookings SET price_total = price_total - 1 WHERE id IN "
                        + "(SELECT id FROM bookings ORDER BY id LIMIT 7)");
                s.execute("REFRESH MATERIALIZED VIEW analytics_daily_bookings");
            }
        }
    }

    @Test
    void aFailedRefreshKeepsThePreviousDataAndSaysWhy() throws Exception {
        long rowsBefore = scalar("SELECT count(*) FROM analytics_verification_funnel");
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("DROP INDEX analytics_verification_funnel_key");
        }
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            RefreshOutcome outcome = service.refresh("analytics_verification_funnel");
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.error()).contains("concurrently");
            assertThat(scalar("SELECT count(*) FROM analytics_verification_funnel")).isEqualTo(rowsBefore);
            Freshness f = service.freshness().stream()
                    .filter(x -> x.viewName().equals("analytics_verification_funnel")).findFirst().orElseThrow();
            assertThat(f.lastError()).isEqualTo(outcome.error());
            assertThat(Staleness.describe(java.util.Optional.of(f), Instant.now())).contains("failed");
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("SET ROLE tower_owner");
                s.execute("CREATE UNIQUE INDEX analytics_verification_funnel_key ON analytics_verification_funnel"
                        + " (month, provider_type, service_area_id, category) NULLS NOT DISTINCT");
            }
        }
    }

    @Test
    void onlyAnalystsAndAdminsRefreshAndNobodyRefreshesDirectly() throws Exception {
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            AnalyticsService service = new AnalyticsService(ops.session(), AnalyticsSource.primaryOnly(ops.session()));
            assertThatThrownBy(() -> service.refresh("provider_stats")).isInstanceOf(AccessDeniedException.class);
        }
        for (String login : List.of("demo_ops")) {
            try (Connection c = db.connectAsDemo(login); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("SELECT * FROM ops.refresh_analytics('provider_stats')"))
                        .hasMessageContaining("permission denied");
            }
        }
        try (Connection c = db.connectAsDemo("demo_analyst"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("REFRESH MATERIALIZED VIEW provider_stats"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("SELECT * FROM ops.refresh_analytics('pg_class')"))
                    .hasMessageContaining("There is no analytics view called \"pg_class\"");
        }
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            s.execute("DROP ROLE IF EXISTS analytics_stranger");
            s.execute("CREATE ROLE analytics_stranger LOGIN PASSWORD 'Stranger-Pass-2026'");
        }
        try (Connection c = db.connect("analytics_stranger", "Stranger-Pass-2026"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT * FROM ops.refresh_analytics('provider_stats')"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("SELECT * FROM analytics_daily_bookings"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void everyRefreshableViewRefreshesConcurrentlyAndPlainly() {
        try (AdminSession admin = AdminSession.open()) {
            AnalyticsService service = new AnalyticsService(admin.session(), AnalyticsSource.primaryOnly(admin.session()));
            for (String view : service.viewNames()) {
                assertThat(service.refresh(view).ok()).as(view).isTrue();
                assertThat(service.refreshBlocking(view).ok()).as(view + " plain").isTrue();
            }
        }
    }

    static long scalar(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return decimal(c, sql);
        }
    }

    private static BigDecimal decimal(Connection c, String sql) {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
