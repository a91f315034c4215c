package dev.tower.audit;

import dev.tower.settings.SettingKind;
import dev.tower.settings.SettingsService;
import dev.tower.settings.SystemSetting;
import dev.tower.testing.AdminSession;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.kit.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewModelTest {
    private static final ZoneId ZONE = ZoneId.systemDefault();

    /** Seven fee changes by demo_admin, then the fee back where it was; returns the values in order. */
    private static List<String> changeTheFeeSevenTimes(AdminSession admin) {
        SettingsService settings = new SettingsService(admin.session());
        SystemSetting fee = settings.list().stream().filter(s -> s.kind() == SettingKind.PLATFORM_FEE_PERCENT)
                .findFirst().orElseThrow();
        List<String> values = new ArrayList<>(List.of(fee.value()));
        for (int i = 1; i <= 7; i++) {
            String value = "10.0" + i;
            settings.update(SettingKind.PLATFORM_FEE_PERCENT, value, null);
            values.add(value);
        }
        settings.update(SettingKind.PLATFORM_FEE_PERCENT, fee.value(), null);
        values.add(fee.value());
        return values;
    }

    @Test
    void filtersShowTheFirstPageAndLoadMoreAppendsUntilTheEnd() {
        try (var admin = AdminSession.open()) {
            changeTheFeeSevenTimes(admin);
            AuditService service = new AuditService(admin.session());
            AuditViewModel vm = new AuditViewModel(service, new SyncTaskExecutor(), true, ZONE, 3);
            vm.load();
            assertThat(vm.actionChoices().getFirst()).isEqualTo(AuditViewModel.ANY_ACTION);
            assertThat(vm.actionChoices()).contains("set_system_setting");
            assertThat(vm.entries()).hasSize(3);
            assertThat(vm.hasMoreProperty().get()).isTrue();

            vm.actorProperty().set("demo_admin");
            vm.actionProperty().set("set_system_setting");
            vm.recordIdProperty().set("platform.fee_percent");
            vm.fromProperty().set(LocalDate.now(ZONE));
            vm.search();
            AuditFilter same = new AuditFilter("demo_admin", "set_system_setting", null, "platform.fee_percent",
                    LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant(), null);
            int total = service.page(same, null, AuditService.MAX_PAGE).entries().size();
            assertThat(total).isGreaterThanOrEqualTo(8);
            assertThat(vm.entries()).hasSize(3).allSatisfy(e -> assertThat(e.recordId()).isEqualTo("platform.fee_percent"));
            assertThat(vm.summaryProperty().get()).isEqualTo("3 entries shown; older ones follow");

            int pages = 1;
            while (vm.canLoadMoreProperty().get()) {
                int shown = vm.entries().size();
                vm.loadMore();
                assertThat(vm.entries().size()).isGreaterThan(shown);
                pages++;
            }
            assertThat(vm.entries()).hasSize(total);
            assertThat(pages).isEqualTo((total + 2) / 3);
            assertThat(vm.entries()).extracting(AuditEntry::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                    .doesNotHaveDuplicates();
            assertThat(vm.hasMoreProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get()).endsWith("the oldest included");
            vm.loadMore(); // at the end: nothing more to read
            assertThat(vm.entries()).hasSize(total);

            vm.toProperty().set(LocalDate.now(ZONE).minusDays(1));
            vm.fromProperty().set(null);
            vm.search();
            assertThat(vm.entries()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("No entries match these filters.");
        }
    }

    @Test
    void selectingAnEntryShowsItsFieldByFieldChange() {
        try (var admin = AdminSession.open()) {
            List<String> values = changeTheFeeSevenTimes(admin);
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true, ZONE);
            vm.recordIdProperty().set("platform.fee_percent");
            vm.search();
            AuditEntry newest = vm.entries().getFirst();
            assertThat(newest.actionName()).isEqualTo("set_system_setting");
            vm.selectedProperty().set(newest);
            assertThat(vm.changes()).containsExactly(new FieldChange("config_value", "10.07", values.getLast()));
            assertThat(vm.timeText(newest)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            vm.selectedProperty().set(null);
            assertThat(vm.changes()).isEmpty();
        }
    }

    @Test
    void chainCheckSaysIntactWithTheCountOrWhereItBreaks() {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true, ZONE);
            assertThat(vm.chainIntactProperty().get()).isNull();
            vm.checkChain();
            assertThat(vm.chainIntactProperty().get()).isTrue();
            assertThat(vm.chainResultProperty().get()).matches("Intact: [\\d,]+ entr(y|ies) checked");
        }
        assertThat(AuditViewModel.chainText(new ChainCheck(1204, null, null))).isEqualTo("Intact: 1,204 entries checked");
        assertThat(AuditViewModel.chainText(new ChainCheck(12, 7L, "Audit entry #7 was changed after it was written.")))
                .isEqualTo("Broken at entry #7: Audit entry #7 was changed after it was written.");
    }

    @Test
    void aRoleWithoutTheChainPermissionCannotRunTheCheck() {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), false, ZONE);
            assertThat(vm.canCheckChainProperty().get()).isFalse();
            vm.checkChain();
            assertThat(vm.chainResultProperty().get()).isEmpty();
        }
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedInPlainWords() {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true, ZONE);
            vm.search();
            int shown = vm.entries().size();
            vm.fromProperty().set(LocalDate.now(ZONE));
            vm.toProperty().set(LocalDate.now(ZONE).minusDays(2));
            vm.search();
            assertThat(vm.errorText()).isEqualTo("The start of the period is after its end.");
            assertThat(vm.entries()).hasSize(shown);
            vm.clearFilters();
            assertThat(vm.errorText()).isEmpty();
            assertThat(vm.fromProperty().get()).isNull();
        }
    }

    @Test
    void timesAreShownInTheGivenZone() {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true,
                    ZoneId.of("Asia/Tokyo"));
            AuditEntry e = new AuditEntry(1, Instant.parse("2025-06-30T20:15:05Z"), "a", "b", "c", "d", "UPDATE", null, null);
            assertThat(vm.timeText(e)).isEqualTo("2025-07-01 05:15:05");
        }
    }

    @Test
    void aCheckpointSavedToAFileVerifiesTheChainAgainstItAndSinceIt(@TempDir Path dir) throws Exception {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true, ZONE);
            changeTheFeeSevenTimes(admin); // a checkpoint at a real entry (an empty log's #0 is not one to verify)
            Path file = dir.resolve("tower-audit.checkpoint");
            vm.exportCheckpoint(file);
            AuditCheckpoint saved = AuditCheckpoint.parse(Files.readString(file));
            assertThat(vm.state().notice()).startsWith("Saved a checkpoint at entry #" + saved.seq() + " to ");

            changeTheFeeSevenTimes(admin); // the log grows after the checkpoint
            vm.verifyAgainst(file);
            assertThat(vm.chainIntactProperty().get()).as(vm.chainResultProperty().get()).isTrue();
            assertThat(vm.chainResultProperty().get()).matches("Intact: [\\d,]+ entr(y|ies) checked against the checkpoint");
            vm.verifyFrom(file);
            assertThat(vm.chainIntactProperty().get()).isTrue();
            assertThat(vm.chainResultProperty().get()).endsWith(" since the checkpoint");

            Path notOne = dir.resolve("notes.txt");
            Files.writeString(notOne, "groceries");
            vm.verifyAgainst(notOne);
            assertThat(vm.errorText()).isEqualTo("This file is not a Tower audit checkpoint.");
            vm.verifyFrom(dir.resolve("missing.checkpoint"));
            assertThat(vm.errorText()).startsWith("Could not read the checkpoint file ");
        }
    }

    @Test
    void withoutTheChainPermissionNoCheckpointIsSaved(@TempDir Path dir) {
        try (var admin = AdminSession.open()) {
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), false, ZONE);
            vm.exportCheckpoint(dir.resolve("c"));
            assertThat(Files.exists(dir.resolve("c"))).isFalse();
        }
    }

    @Test
    void anEntryAboutABookingOpensThatBookingElsewhere() {
        AuditEntry booking = new AuditEntry(9, Instant.now(), "demo_ops", "accept_booking", "bookings",
                "7c1a0d9e-0000-4000-8000-000000000001", "UPDATE", null, null);
        AuditEntry setting = new AuditEntry(10, Instant.now(), "demo_admin", "set_system_setting", "system_settings",
                "platform.fee_percent", "UPDATE", null, null);
        try (var admin = AdminSession.open()) {
            List<Place> opened = new ArrayList<>();
            AuditViewModel vm = new AuditViewModel(new AuditService(admin.session()), new SyncTaskExecutor(), true, ZONE,
                    opened::add);
            vm.selectedProperty().set(setting);
            assertThat(vm.canOpenRecordProperty().get()).isFalse();
            vm.openRecord();
            assertThat(opened).isEmpty();
            vm.selectedProperty().set(booking);
            assertThat(vm.canOpenRecordProperty().get()).isTrue();
            vm.openRecord();
            assertThat(opened).containsExactly(Place.of("bookings", "7c1a0d9e-0000-4000-8000-000000000001"));
        }
    }

    /** The buttons are kit Commands: the chain check needs the permission, Open record a record to open. */
    @Test
    void theCommandsAreOffWhenTheirActionMustNotRun() {
        AuditService offline = new AuditService(dev.tower.testing.TestSessions.offline(dev.tower.security.Role.OPS));
        AuditViewModel refused = new AuditViewModel(offline, new SyncTaskExecutor(), false, ZONE);
        assertThat(refused.checkChainCommand().isExecutable()).isFalse();
        assertThat(refused.checkChainCommand().execute()).isFalse();
        assertThat(refused.openRecordCommand().isExecutable()).as("nothing selected").isFalse();
        assertThat(refused.searchCommand().isExecutable()).isTrue();

        SyncTaskExecutor window = new SyncTaskExecutor();
        AuditViewModel allowed = new AuditViewModel(offline, window, true, ZONE);
        assertThat(allowed.checkChainCommand().isExecutable()).isTrue();
        window.gate().setSchemaReadOnly("The schema is behind this Tower.");
        assertThat(allowed.checkChainCommand().isExecutable()).as("a read-only session may still read").isTrue();
        assertThat(allowed.clearCommand().isExecutable()).isTrue();
        window.gate().setOnline(false);
        assertThat(allowed.checkChainCommand().isExecutable()).as("not without the database").isFalse();
        assertThat(allowed.searchCommand().isExecutable()).isFalse();
        assertThat(refused.searchCommand().isExecutable()).as("another window's gate is its own").isTrue();
    }
}
