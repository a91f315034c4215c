package dev.tower.connection;

import dev.tower.db.EmbeddedDatabase;
import dev.tower.demo.DemoLogins;
import dev.tower.error.ConnectionLostException;
import dev.tower.security.Session;
import dev.tower.settings.SettingKind;
import dev.tower.settings.SettingsService;
import dev.tower.settings.SystemSetting;
import dev.tower.setup.EmbeddedStartup;
import dev.tower.shell.ShellViewModel;
import dev.tower.signin.SignInRequest;
import dev.tower.signin.SignInService;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.ThemeSetting;
import dev.tower.ui.kit.Command;
import dev.tower.ui.WriteGate;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, losing the database: the embedded PostgreSQL is stopped in the middle of a signed-in session
 * and started again. The monitor reports it, the shell's banner says so, write commands go off, a change
 * tried meanwhile fails as "connection lost" and is not applied later; once the server is back the
 * session recovers by itself and the open screen is told to read again.
 */
class DatabaseLossTest {
    @TempDir
    Path tmp;
    private EmbeddedDatabase database;
    private ConnectionMonitor monitor;
    private Session session;

    @AfterEach
    void cleanUp() {
        if (monitor != null) {
            monitor.close();
        }
        if (session != null) {
            session.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void stoppingTheServerMidSessionShowsTheBannerBlocksWritesAndTheSessionRecoversWhenItIsBack() throws Exception {
        Path home = tmp.resolve("tower");
        database = EmbeddedStartup.start(home, 0, false).database();
        int port = database.port();
        session = new SignInService().signIn(new SignInRequest(database.jdbcUrl(), "demo_admin",
                DemoLogins.PASSWORD.toCharArray(), true));
        SettingsService settings = new SettingsService(session);
        SystemSetting fee = feeSetting(settings);
        WriteGate gate = new WriteGate(); // the window's, as the composition root makes it
        ShellViewModel shell = new ShellViewModel(session, new SyncTaskExecutor(gate), new ThemeSetting(), () -> { });
        monitor = new ConnectionMonitor(session.dataSource(), Duration.ofMillis(300), Runnable::run, gate::setOnline)
                .start();
        SimpleBooleanProperty yes = new SimpleBooleanProperty(true);
        Command save = Command.of(gate, "Save", yes, yes, new SimpleBooleanProperty(false), () -> { });
        assertThat(save.isExecutable()).isTrue();
        assertThat(shell.connectionBannerProperty().get()).isEmpty();

        database.close(); // the server goes away under the open session
        waitUntil(() -> !monitor.online());
        assertThat(gate.online().get()).isFalse();
        assertThat(shell.connectionBannerProperty().get()).contains("Lost the connection").contains("reconnects by itself");
        assertThat(save.isExecutable()).isFalse();
        assertThat(save.execute()).isFalse();
        String changed = fee.value().equals("12.5") ? "11" : "12.5";
        assertThatThrownBy(() -> settings.update(SettingKind.PLATFORM_FEE_PERCENT, changed, fee.updatedAt()))
                .isInstanceOf(ConnectionLostException.class);

        database = EmbeddedDatabase.start(home, port); // back on the same address
        waitUntil(monitor::online);
        assertThat(gate.writable().get()).isTrue();
        assertThat(shell.connectionBannerProperty().get()).isEmpty();
        assertThat(shell.reconnectionsProperty().get()).as("the shell re-reads the open screen once").isEqualTo(1);
        assertThat(save.isExecutable()).isTrue();

        // re-read: the change tried while the server was down never reached it, so nothing is half-applied
        SystemSetting reread = feeSetting(settings);
        assertThat(reread.value()).isEqualTo(fee.value());
        assertThat(reread.updatedAt()).isEqualTo(fee.updatedAt());
        // and the same session writes again, on the same pool, without signing in
        settings.update(SettingKind.PLATFORM_FEE_PERCENT, changed, reread.updatedAt());
        assertThat(new java.math.BigDecimal(feeSetting(settings).value())).isEqualByComparingTo(changed);
    }

    private static SystemSetting feeSetting(SettingsService settings) {
        return settings.list().stream().filter(s -> s.kind() == SettingKind.PLATFORM_FEE_PERCENT).findFirst().orElseThrow();
    }

    /** Waits for the monitor, at most 30 s (a bound for a stuck test, not a speed claim). */
    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
