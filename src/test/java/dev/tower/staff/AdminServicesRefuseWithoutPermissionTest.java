package dev.tower.staff;

import dev.tower.audit.AuditFilter;
import dev.tower.audit.AuditService;
import dev.tower.error.AccessDeniedException;
import dev.tower.security.Role;
import dev.tower.security.Session;
import dev.tower.settings.SettingKind;
import dev.tower.settings.SettingsService;
import dev.tower.testing.TestSessions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every admin service method starts with its permission check. The sessions here point at a closed
 * port, so reaching the database would fail with a connection error instead of AccessDenied.
 */
class AdminServicesRefuseWithoutPermissionTest {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPS", "ANALYST"})
    void everyMethodRefusesBeforeTouchingTheDatabase(Role role) {
        Session session = TestSessions.offline(role);
        StaffService staff = new StaffService(session);
        AuditService audit = new AuditService(session);
        SettingsService settings = new SettingsService(session);
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("staff.list", staff::list);
        calls.put("staff.create", () -> staff.create("new_login", "New", Role.OPS, "long enough password".toCharArray()));
        calls.put("staff.changeRole", () -> staff.changeRole("demo_ops", Role.ADMIN));
        calls.put("staff.setDisabled", () -> staff.setDisabled("demo_ops", true));
        calls.put("staff.resetPassword", () -> staff.resetPassword("demo_ops", "long enough password".toCharArray()));
        calls.put("audit.page", () -> audit.page(AuditFilter.ANY, null, 50));
        calls.put("audit.changes", () -> audit.changes(1));
        calls.put("audit.actionNames", audit::actionNames);
        calls.put("audit.verifyChain", audit::verifyChain);
        calls.put("settings.list", settings::list);
        calls.put("settings.update", () -> settings.update(SettingKind.DISPUTE_SLA_HOURS, "24", null));
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name).isInstanceOf(AccessDeniedException.class));
    }
}
