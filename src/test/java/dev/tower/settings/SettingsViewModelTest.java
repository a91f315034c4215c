package dev.tower.settings;

import dev.tower.testing.AdminSession;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {

    private static String stored(SettingsService service, SettingKind kind) {
        return service.list().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().value();
    }

    @Test
    void loadsEachSettingWithItsUnitAndSavesAnEditedValue() {
        try (var admin = AdminSession.open()) {
            SettingsService service = new SettingsService(admin.session());
            String original = stored(service, SettingKind.DISPUTE_SLA_HOURS);
            SettingsViewModel vm = new SettingsViewModel(service, new SyncTaskExecutor());
            vm.load();
            assertThat(vm.rows()).extracting(SettingsViewModel.Row::kind).containsExactly(SettingKind.values());
            SettingsViewModel.Row sla = vm.row(SettingKind.DISPUTE_SLA_HOURS);
            assertThat(sla.valueProperty().get()).isEqualTo(original);
            assertThat(sla.valueText()).isEqualTo(original + " hours");
            assertThat(sla.descriptionProperty().get()).contains("resolve a dispute");
            assertThat(sla.lastChangedProperty().get()).startsWith("Last changed 20");
            assertThat(sla.draftProperty().get()).isEqualTo(original);
            assertThat(sla.canSaveProperty().get()).as("nothing edited yet").isFalse();
            assertThat(vm.row(SettingKind.REFUND_APPROVAL_LIMIT).valueText()).matches("\\d+\\.\\d{2} USD");
            assertThat(vm.row(SettingKind.PLATFORM_FEE_PERCENT).valueText()).matches("\\d+\\.\\d{2}%");

            String next = original.equals("36") ? "37" : "36";
            sla.draftProperty().set(" " + next + " ");
            assertThat(sla.problemProperty().get()).isEmpty();
            assertThat(sla.canSaveProperty().get()).isTrue();
            vm.save(sla);
            assertThat(vm.errorProperty().get()).isNull();
            assertThat(vm.noticeProperty().get()).isEqualTo("Saved. Dispute resolution time: " + next + " hours.");
            assertThat(sla.valueProperty().get()).isEqualTo(next);
            assertThat(stored(service, SettingKind.DISPUTE_SLA_HOURS)).isEqualTo(next);
            assertThat(sla.canSaveProperty().get()).isFalse();

            service.update(SettingKind.DISPUTE_SLA_HOURS, original, null);
        }
    }

    @Test
    void anInvalidValueIsExplainedInlineAndNothingIsSaved() {
        try (var admin = AdminSession.open()) {
            SettingsService service = new SettingsService(admin.session());
            SettingsViewModel vm = new SettingsViewModel(service, new SyncTaskExecutor());
            vm.load();
            SettingsViewModel.Row sla = vm.row(SettingKind.DISPUTE_SLA_HOURS);
            String before = sla.valueProperty().get();

            sla.draftProperty().set("soon");
            assertThat(sla.problemProperty().get()).isEqualTo("\"soon\" is not a whole number of hours.");
            assertThat(sla.canSaveProperty().get()).isFalse();
            vm.save(sla);
            assertThat(stored(service, SettingKind.DISPUTE_SLA_HOURS)).isEqualTo(before);
            assertThat(vm.noticeProperty().get()).isEmpty();

            sla.draftProperty().set("0");
            assertThat(sla.problemProperty().get()).isEqualTo("Hours to resolve a dispute must be between 1 and 720 hours.");
            SettingsViewModel.Row fee = vm.row(SettingKind.PLATFORM_FEE_PERCENT);
            fee.draftProperty().set("12,5");
            assertThat(fee.problemProperty().get()).contains("not a percentage");
            SettingsViewModel.Row limit = vm.row(SettingKind.REFUND_APPROVAL_LIMIT);
            limit.draftProperty().set("2.5e2");
            assertThat(limit.problemProperty().get()).contains("not an amount in dollars and cents");

            sla.draftProperty().set(before);
            assertThat(sla.problemProperty().get()).as("back to the stored value").isEmpty();
            assertThat(sla.canSaveProperty().get()).isFalse();
        }
    }

    @Test
    void aValueChangedMeanwhileIsNotOverwrittenAndTheRowSaysToReload() {
        try (var admin = AdminSession.open(); var other = AdminSession.open()) {
            SettingsService mine = new SettingsService(admin.session());
            SettingsService theirs = new SettingsService(other.session());
            String limitBefore = stored(mine, SettingKind.REFUND_APPROVAL_LIMIT);
            SettingsViewModel vm = new SettingsViewModel(mine, new SyncTaskExecutor());
            vm.load();
            SettingsViewModel.Row limit = vm.row(SettingKind.REFUND_APPROVAL_LIMIT);

            theirs.update(SettingKind.REFUND_APPROVAL_LIMIT, "321.00", null); // someone else, after we read it
            limit.draftProperty().set("275");
            vm.save(limit);
            assertThat(limit.problemProperty().get())
                    .isEqualTo("Someone else changed this setting since you opened it. Reload to see their value.");
            assertThat(limit.canSaveProperty().get()).as("not again until reloaded or edited").isFalse();
            assertThat(stored(mine, SettingKind.REFUND_APPROVAL_LIMIT)).isEqualTo("321.00");
            assertThat(vm.noticeProperty().get()).isEmpty();

            vm.load();
            assertThat(limit.valueProperty().get()).isEqualTo("321.00");
            assertThat(limit.problemProperty().get()).isEmpty();
            limit.draftProperty().set("275");
            vm.save(limit);
            assertThat(stored(mine, SettingKind.REFUND_APPROVAL_LIMIT)).isEqualTo("275.00");
            assertThat(vm.noticeProperty().get()).isEqualTo("Saved. Refund approval limit: 275.00 USD.");

            mine.update(SettingKind.REFUND_APPROVAL_LIMIT, limitBefore, null);
        }
    }

    /** Each row's Save is a kit Command: off until a changed, valid draft, and off while writes are. */
    @Test
    void eachSaveIsACommandThatIsOffWhenItMustBe() {
        try (var admin = AdminSession.open()) {
            SettingsService service = new SettingsService(admin.session());
            SyncTaskExecutor window = new SyncTaskExecutor();
            SettingsViewModel vm = new SettingsViewModel(service, window);
            vm.load();
            SettingsViewModel.Row sla = vm.row(SettingKind.DISPUTE_SLA_HOURS);
            String original = sla.valueProperty().get();
            assertThat(sla.save().isExecutable()).as("nothing edited").isFalse();
            sla.draftProperty().set("soon");
            assertThat(sla.save().isExecutable()).isFalse();
            assertThat(sla.save().execute()).isFalse();
            sla.draftProperty().set(original.equals("36") ? "37" : "36");
            assertThat(sla.save().isExecutable()).isTrue();
            window.gate().setSchemaReadOnly("The schema is behind this Tower.");
            assertThat(sla.save().isExecutable()).as("no writes on a read-only session").isFalse();
            assertThat(sla.save().execute()).isFalse();
            assertThat(vm.reload().isExecutable()).isTrue();
            window.gate().setOnline(false);
            assertThat(vm.reload().isExecutable()).isFalse();
            assertThat(stored(service, SettingKind.DISPUTE_SLA_HOURS)).as("nothing was saved").isEqualTo(original);
        }
    }
}
