package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.ReadStatus;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards on a real streaming standby of the test database. The standby is made the way the
 * PostgreSQL manual describes without pg_basebackup (zonky's bundle has none): a copy of the running
 * cluster's files between pg_backup_start and pg_backup_stop, its backup_label, standby.signal and a
 * primary_conninfo on a physical replication slot; then started from the same binaries.
 */
class AnalyticsReplicaTest {
    private static final String SLOT = "tower_test_standby";
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts");
    private static TestDatabase primary;
    private static EmbeddedDatabase standby;

    @BeforeAll
    static void startStandby() throws Exception {
        primary = TestDatabase.withDemoData();
        Path source = primary.home().resolve(EmbeddedDatabase.DATA_DIRECTORY);
        Path home = Files.createTempDirectory(primary.home().getParent(), "standby-");
        Path target = home.resolve(EmbeddedDatabase.DATA_DIRECTORY);
        try (Connection c = primary.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            s.execute("SELECT pg_backup_start('tower standby for tests', true)");
            copyTree(source, target);
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(target.resolve("backup_label"), rs.getString(1));
            }
        }
        Files.copy(primary.home().resolve("embedded.properties"), home.resolve("embedded.properties"));
        Files.writeString(target.resolve("standby.signal"), "");
        Files.writeString(target.resolve("postgresql.auto.conf"), String.format(
                "%nprimary_conninfo = 'host=localhost port=%d user=postgres password=%s application_name=%s'%n"
                        + "primary_slot_name = '%s'%nhot_standby = on%n"
                        // the copy is complete on disk already: syncing it file by file delays the start
                        + "recovery_init_sync_method = 'syncfs'%n",
                primary.port(), primary.superuserPassword(), SLOT, SLOT), StandardOpenOption.APPEND);
        standby = EmbeddedDatabase.start(home, freePort());
    }

    @AfterAll
    static void stopStandby() throws Exception {
        if (standby != null) {
            standby.close();
        }
        try (Connection c = primary.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot('" + SLOT + "') FROM pg_replication_slots WHERE slot_name = '"
                    + SLOT + "' AND NOT active");
        }
    }

    @Test
    void dashboardsReadTheReplicaAndSayHowFarBehindWhileRefreshesAndExportRecordsGoToThePrimary() throws Exception {
        LocalDate today = LocalDate.now(AnalyticsFilter.MARKET_ZONE);
        AnalyticsFilter all = new AnalyticsFilter(today.minusYears(3).plusDays(2), today.plusDays(1), null, null);
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST);
             AnalyticsSource source = AnalyticsSource.withReplica(analyst.session(),
                     ReplicaAddress.parse("localhost:" + standby.port(), primary.jdbcUrl()))) {
            AnalyticsService service = new AnalyticsService(analyst.session(), source);
            waitUntil(() -> service.readStatus().lagBytes() == 0L);
            ReadStatus caughtUp = service.readStatus();
            assertThat(caughtUp.replica()).isTrue();
            assertThat(caughtUp.label()).isEqualTo("replica localhost:" + standby.port());
            assertThat(AnalyticsViewModel.describe(caughtUp)).endsWith("up to date with the primary");
            BigDecimal before = revenue(service.dashboards(all));

            // hold the standby still, then change the primary: the dashboards must keep the replica's numbers
            onStandby("SELECT pg_wal_replay_pause()");
            int changed;
            try (Connection c = primary.superuser().getConnection(); Statement s = c.createStatement()) {
                changed = s.executeUpdate("UPDATE bookings SET price_total = price_total + 1 WHERE id IN (SELECT id FROM "
                        + "bookings WHERE status = 'completed' ORDER BY id LIMIT 5)");
            }
            assertThat(service.refresh("analytics_daily_bookings").ok()).as("the refresh runs on the primary").isTrue();
            assertThat(service.recordExport("replica test", "csv", 1, List.of("Day"))).as("recorded on the primary").isPositive();
            assertThat(revenue(service.dashboards(all))).as("read from the paused replica").isEqualByComparingTo(before);
            ReadStatus behind = service.readStatus();
            assertThat(behind.lagBytes()).isPositive();
            assertThat(AnalyticsViewModel.describe(behind)).contains("behind the primary").contains("bytes to replay");

            onStandby("SELECT pg_wal_replay_resume()");
            waitUntil(() -> service.readStatus().lagBytes() == 0L);
            assertThat(revenue(service.dashboards(all))).isEqualByComparingTo(before.add(BigDecimal.valueOf(changed)));
        } finally {
            onStandby("SELECT pg_wal_replay_resume() WHERE pg_is_wal_replay_paused()");
            try (Connection c = primary.superuser().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE bookings SET price_total = price_total - 1 WHERE id IN (SELECT id FROM "
                        + "bookings WHERE status = 'completed' ORDER BY id LIMIT 5)");
                s.execute("REFRESH MATERIALIZED VIEW analytics_daily_bookings");
            }
        }
    }

    private static BigDecimal revenue(Dashboards d) {
        return d.daily().stream().map(AnalyticsRows.DailyPoint::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void onStandby(String sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedDatabase.SUPERUSER);
        p.setProperty("password", standby.superuserPassword());
        try (Connection c = DriverManager.getConnection(standby.jdbcUrl(), p); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the standby did not catch up within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /** Copies a running cluster's files; those that vanish while copying (temporary files) are skipped. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(p);
                Path dest = to.resolve(rel);
                String top = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                if (top.equals("pg_replslot") && rel.getNameCount() > 1) {
                    continue; // the primary's slots are its own; a copied slot directory without state is fatal
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!NOT_COPIED.contains(rel.toString()) && !top.equals("pg_wal") && !top.equals("pg_replslot")) {
                    try {
                        Files.copy(p, dest);
                    } catch (NoSuchFileException vanished) {
                        // a temporary file removed while we walked: not part of the backup
                    }
                }
            }
        }
        java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(to,
                java.nio.file.attribute.PosixFileAttributeView.class);
        view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
