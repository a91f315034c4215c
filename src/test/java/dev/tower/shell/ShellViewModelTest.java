package dev.tower.shell;

import dev.tower.error.AccessDeniedException;
import dev.tower.security.Role;
import dev.tower.security.Session;
import dev.tower.testing.TestSessions;
import dev.tower.ui.ManualTaskExecutor;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.ThemeSetting;
import dev.tower.ui.kit.Place;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.tower.shell.Section.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellViewModelTest {
    private static ShellViewModel shellFor(Role role) {
        return new ShellViewModel(TestSessions.offline(role), new SyncTaskExecutor(), new ThemeSetting(), () -> { });
    }

    @Test
    void adminSeesEverySection() {
        assertThat(shellFor(Role.ADMIN).sections()).containsExactly(Section.values()).hasSize(10);
        assertThat(shellFor(Role.ADMIN).sections()).endsWith(STAFF, AUDIT, SETTINGS);
    }

    @Test
    void opsSeeProvidersAreasBookingsAndDisputes() {
        assertThat(shellFor(Role.OPS).sections()).containsExactly(PROVIDERS, AREAS, BOOKINGS, DISPUTES);
    }

    @Test
    void analystsSeeAnalyticsOnly() {
        assertThat(shellFor(Role.ANALYST).sections()).containsExactly(ANALYTICS);
    }

    @Test
    void firstVisibleSectionIsOpenAndOthersCanBeSelected() {
        ShellViewModel ops = shellFor(Role.OPS);
        assertThat(ops.selectedSectionProperty().get()).isEqualTo(PROVIDERS);
        ops.select(DISPUTES);
        assertThat(ops.selectedSectionProperty().get()).isEqualTo(DISPUTES);
    }

    @Test
    void aSectionTheRoleMayNotSeeCannotBeOpened() {
        ShellViewModel analyst = shellFor(Role.ANALYST);
        assertThatThrownBy(() -> analyst.select(BOOKINGS)).isInstanceOf(AccessDeniedException.class);
        assertThat(analyst.selectedSectionProperty().get()).isEqualTo(ANALYTICS);
    }

    @Test
    void headerShowsWhoIsSignedInAndWhere() {
        ShellViewModel vm = shellFor(Role.OPS);
        assertThat(vm.userNameProperty().get()).isEqualTo("Test Operations");
        assertThat(vm.roleLabelProperty().get()).isEqualTo("Operations");
        assertThat(vm.databaseLabelProperty().get()).isEqualTo("nowhere (test)");
    }

    @Test
    void themeToggleFlipsTheSharedSetting() {
        ThemeSetting theme = new ThemeSetting();
        ShellViewModel vm = new ShellViewModel(TestSessions.offline(Role.ADMIN), new SyncTaskExecutor(), theme, () -> { });
        vm.toggleTheme();
        assertThat(theme.isDark()).isTrue();
        assertThat(vm.darkThemeProperty().get()).isTrue();
        vm.toggleTheme();
        assertThat(theme.isDark()).isFalse();
    }

    @Test
    void signOutClosesTheConnectionsOffTheUiThreadThenNavigatesOnce() {
        AtomicInteger closes = new AtomicInteger();
        AtomicInteger navigations = new AtomicInteger();
        Session session = TestSessions.offline(Role.OPS, closes);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ShellViewModel vm = new ShellViewModel(session, executor, new ThemeSetting(), navigations::incrementAndGet);
        vm.signOut();
        vm.signOut();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(closes.get()).as("nothing closed on the calling thread").isZero();
        executor.runAll();
        assertThat(closes.get()).isEqualTo(1);
        assertThat(navigations.get()).isEqualTo(1);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void openingARecordElsewhereRemembersWhereBackReturns() {
        ShellViewModel admin = shellFor(Role.ADMIN);
        assertThat(admin.canGoBack().get()).isFalse();
        admin.select(AUDIT);
        admin.open(Place.of("bookings", "7c1a0d9e-0000-4000-8000-000000000001"));
        assertThat(admin.selectedSectionProperty().get()).isEqualTo(BOOKINGS);
        assertThat(admin.placeProperty().get().record()).contains("7c1a0d9e-0000-4000-8000-000000000001");
        assertThat(admin.canGoBack().get()).isTrue();

        assertThat(admin.back()).isTrue();
        assertThat(admin.placeProperty().get()).isEqualTo(Place.section("audit"));
        assertThat(admin.selectedSectionProperty().get()).isEqualTo(AUDIT);
        assertThat(admin.back()).isTrue(); // to the first section, where the shell opened
        assertThat(admin.selectedSectionProperty().get()).isEqualTo(PROVIDERS);
        assertThat(admin.back()).isFalse();
    }

    @Test
    void aPlaceOutsideTheRoleOrTheConsoleIsNotOpened() {
        ShellViewModel ops = shellFor(Role.OPS);
        assertThatThrownBy(() -> ops.open(Place.of("audit", "12"))).isInstanceOf(AccessDeniedException.class);
        ops.open(Place.section("nowhere"));
        assertThat(ops.errorProperty().get().text()).isEqualTo("There is no \"nowhere\" section in Tower.");
        assertThat(ops.selectedSectionProperty().get()).isEqualTo(PROVIDERS);
        assertThat(ops.canGoBack().get()).isFalse();
    }

    /** Issue 14 review: the write gate outlives every shell; closing one must end its watch of the gate. */
    @Test
    void closingAShellEndsItsWatchOfTheWriteGate() {
        dev.tower.ui.WriteGate gate = new dev.tower.ui.WriteGate();
        ShellViewModel first = new ShellViewModel(TestSessions.offline(Role.OPS), new SyncTaskExecutor(gate),
                new ThemeSetting(), () -> { });
        assertThat(gate.watcherCount()).isEqualTo(1);
        gate.setOnline(false);
        assertThat(first.connectionBannerProperty().get()).contains("Lost the connection");
        gate.setOnline(true);
        assertThat(first.reconnectionsProperty().get()).isEqualTo(1);

        first.close();
        assertThat(gate.watcherCount()).as("the closed shell no longer listens").isZero();
        gate.setOnline(false);
        gate.setOnline(true);
        assertThat(first.connectionBannerProperty().get()).isEmpty();
        assertThat(first.reconnectionsProperty().get()).as("a closed shell hears nothing more").isEqualTo(1);
        gate.setSchemaReadOnly("The schema is behind this Tower.");
        assertThat(first.readOnlyBannerProperty().get()).isEmpty();
        first.close(); // twice is harmless (stop after sign-out)
        assertThat(gate.watcherCount()).isZero();

        // sign in again and again: one watch at a time, never one per shell ever opened
        for (int i = 0; i < 3; i++) {
            ShellViewModel next = new ShellViewModel(TestSessions.offline(Role.ADMIN), new SyncTaskExecutor(gate),
                    new ThemeSetting(), () -> { });
            assertThat(gate.watcherCount()).isEqualTo(1);
            assertThat(next.readOnlyBannerProperty().get()).contains("behind");
            next.close();
        }
        assertThat(gate.watcherCount()).isZero();
    }
}
