package dev.tower.settings;

import dev.tower.testing.AdminSession;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 7 fixes on the settings screen: other cards keep unsaved edits; messages name the range. */
class SettingsKitBehaviourTest {
    @Test
    void savingOneCardKeepsAnotherCardsUnsavedEdit() {
        try (var admin = AdminSession.open()) {
            SettingsService service = new SettingsService(admin.session());
            SettingsViewModel vm = new SettingsViewModel(service, new SyncTaskExecutor());
            vm.load();
            SettingsViewModel.Row sla = vm.row(SettingKind.DISPUTE_SLA_HOURS);
            SettingsViewModel.Row limit = vm.row(SettingKind.REFUND_APPROVAL_LIMIT);
            String limitBefore = limit.valueProperty().get();
            String slaTyped = sla.valueProperty().get().equals("72") ? "71" : "72";

            sla.draftProperty().set(slaTyped);
            limit.draftProperty().set(limitBefore.equals("275.00") ? "276" : "275");
            vm.save(limit);

            assertThat(vm.noticeProperty().get()).startsWith("Saved. Refund approval limit");
            assertThat(sla.draftProperty().get()).isEqualTo(slaTyped);
            assertThat(sla.canSaveProperty().get()).isTrue();
            service.update(SettingKind.REFUND_APPROVAL_LIMIT, limitBefore, null);
        }
    }

    @Test
    void outOfRangeNumbersSayOutOfRangeWithTheRange() {
        assertThat(message(SettingKind.REFUND_APPROVAL_LIMIT, "0")).isEqualTo("The refund approval limit must be between 0.01 and 100000.00 USD.");
        assertThat(message(SettingKind.REFUND_APPROVAL_LIMIT, "99999999999")).isEqualTo("The refund approval limit must be between 0.01 and 100000.00 USD.");
        assertThat(message(SettingKind.PLATFORM_FEE_PERCENT, "150")).isEqualTo("The platform fee must be between 0 and 50 %.");
        assertThat(message(SettingKind.DISPUTE_SLA_HOURS, "-1")).isEqualTo("Hours to resolve a dispute must be between 1 and 720 hours.");
        assertThat(SettingKind.REFUND_APPROVAL_LIMIT.normalise("1,234.50")).isEqualTo("1234.50");
    }

    private static String message(SettingKind kind, String typed) {
        try {
            kind.normalise(typed);
            return "accepted";
        } catch (dev.tower.error.ValidationException e) {
            return e.plainMessage();
        }
    }
}
