package dev.tower.settings;

import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.ValidationException;
import dev.tower.testing.AdminSession;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class SettingsServiceTest {

    @Test
    void listsTypedValuesAndSavesWithOptimisticCheck() {
        try (var admin = AdminSession.open()) {
            SettingsService settings = new SettingsService(admin.session());
            SystemSetting limit = settings.list().stream()
                    .filter(s -> s.kind() == SettingKind.REFUND_APPROVAL_LIMIT).findFirst().orElseThrow();
            assertThat(limit.value()).matches("\\d+\\.\\d{2}");

            Instant saved = settings.update(SettingKind.REFUND_APPROVAL_LIMIT, "250", limit.updatedAt());
            assertThat(settings.list()).filteredOn(s -> s.kind() == SettingKind.REFUND_APPROVAL_LIMIT)
                    .singleElement().extracting(SystemSetting::value).isEqualTo("250.00");

            // a second admin working from the old value is told, and nothing changes
            Throwable stale = catchThrowable(() -> settings.update(SettingKind.REFUND_APPROVAL_LIMIT, "999", limit.updatedAt()));
            assertThat(ErrorClassifier.classify(stale)).isInstanceOf(ConflictException.class)
                    .extracting(e -> ((ConflictException) e).code()).isEqualTo("settings.changed_meanwhile");
            settings.update(SettingKind.REFUND_APPROVAL_LIMIT, limit.value(), saved);
        }
    }

    @Test
    void refusesBadValuesBeforeTheRoundTrip() {
        assertThatThrownBy(() -> SettingKind.PLATFORM_FEE_PERCENT.normalise("12,5"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a percentage");
        assertThatThrownBy(() -> SettingKind.PLATFORM_FEE_PERCENT.normalise("75"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("between 0 and 50");
        assertThatThrownBy(() -> SettingKind.REFUND_APPROVAL_LIMIT.normalise("1e3"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SettingKind.DISPUTE_SLA_HOURS.normalise("0"))
                .isInstanceOf(ValidationException.class);
        assertThat(SettingKind.REFUND_APPROVAL_LIMIT.normalise(" 99.9 ")).isEqualTo("99.90");
        assertThat(SettingKind.DISPUTE_SLA_HOURS.normalise("072")).isEqualTo("72");
    }
}
