package dev.tower.audit;

import dev.tower.error.ValidationException;
import dev.tower.settings.SettingKind;
import dev.tower.settings.SettingsService;
import dev.tower.testing.AdminSession;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditServiceTest {

    @Test
    void pagesByKeysetWithoutGapsOrRepeatsAndFilters() {
        try (var admin = AdminSession.open()) {
            SettingsService settings = new SettingsService(admin.session());
            for (int i = 0; i < 7; i++) {
                settings.update(SettingKind.DISPUTE_SLA_HOURS, Integer.toString(30 + i), null);
            }
            settings.update(SettingKind.DISPUTE_SLA_HOURS, "48", null);
            AuditService audit = new AuditService(admin.session());
            AuditFilter mine = new AuditFilter("demo_admin", "set_system_setting", "system_config", "dispute.sla_hours", null, null);

            Set<Long> seen = new HashSet<>();
            Long before = null;
            long previousSeq = Long.MAX_VALUE;
            int pages = 0;
            do {
                AuditService.Page page = audit.page(mine, before, 3);
                for (AuditEntry e : page.entries()) {
                    assertThat(e.seq()).isLessThan(previousSeq);
                    assertThat(seen.add(e.seq())).isTrue();
                    assertThat(e.actorLogin()).isEqualTo("demo_admin");
                    assertThat(e.recordId()).isEqualTo("dispute.sla_hours");
                    previousSeq = e.seq();
                }
                before = page.nextBeforeSeq();
                pages++;
            } while (before != null);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(8);
            assertThat(pages).isGreaterThanOrEqualTo(3);

            AuditEntry newest = audit.page(mine, null, 1).entries().getFirst();
            List<FieldChange> changes = audit.changes(newest.seq());
            assertThat(changes).containsExactly(new FieldChange("config_value", "36", "48"));
            assertThat(audit.verifyChain().intact()).isTrue();
            assertThat(audit.actionNames()).contains("set_system_setting");

            assertThat(audit.page(new AuditFilter("nobody_at_all", null, null, null, null, null), null, 10).entries()).isEmpty();
            assertThat(audit.page(new AuditFilter(null, null, null, null, Instant.now().plusSeconds(3600), null), null, 10)
                    .entries()).isEmpty();
        }
    }

    @Test
    void refusesNonsenseFiltersAndPageSizes() {
        assertThatThrownBy(() -> new AuditFilter(null, null, null, null, Instant.now(), Instant.now().minusSeconds(60)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("start of the period is after its end");
        try (var admin = AdminSession.open()) {
            assertThatThrownBy(() -> new AuditService(admin.session()).page(AuditFilter.ANY, null, 0))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
