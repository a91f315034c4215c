package dev.tower.audit;

import dev.tower.settings.SettingKind;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What people read for an audit entry, instead of the function, table and key names the database
 * records: "Changed a system setting: refund approval limit", "Added a staff login: ui_sam". The
 * internal names stay in the entry's details, for whoever has to trace it.
 */
final class AuditWording {
    private static final Map<String, String> ACTIONS = Map.of(
            "set_system_setting", "Changed a system setting",
            "create_staff_login", "Added a staff login",
            "change_staff_role", "Changed a staff role",
            "set_staff_disabled", "Disabled or enabled a staff login",
            "reset_staff_password", "Reset a staff password");
    private static final Map<String, String> TABLES = Map.of(
            "system_config", "System settings",
            "staff_members", "Staff",
            "audit_logs", "Audit log");

    private AuditWording() {}

    /** "Changed a system setting: refund approval limit"; unknown actions read as their words. */
    static String headline(AuditEntry entry) {
        String name = entry.actionName() == null ? entry.action() : entry.actionName();
        String what = ACTIONS.getOrDefault(name, name == null ? "Change" : sentence(name));
        String record = recordText(entry);
        return record.isEmpty() ? what : what + ": " + record;
    }

    /** "Staff", "System settings", else the table's name. */
    static String table(String tableName) {
        return tableName == null ? "" : TABLES.getOrDefault(tableName, tableName);
    }

    /** The internal names, for the details: "set_system_setting on system_config refund.second_approval_above (UPDATE)". */
    static String internal(AuditEntry entry) {
        return (entry.actionName() == null ? entry.action() : entry.actionName())
                + " on " + entry.tableName() + " " + entry.recordId() + " (" + entry.action() + ")";
    }

    /** An action filter choice as people read it ("Changed a system setting"). */
    static String action(String actionName) {
        return actionName == null ? "" : ACTIONS.getOrDefault(actionName, sentence(actionName));
    }

    private static String recordText(AuditEntry entry) {
        if (entry.recordId() == null) {
            return "";
        }
        Optional<SettingKind> setting = "system_config".equals(entry.tableName())
                ? SettingKind.ofKey(entry.recordId()) : Optional.empty();
        return setting.map(k -> k.title().toLowerCase(Locale.ROOT)).orElse(entry.recordId());
    }

    private static String sentence(String internal) {
        String words = internal.replace('_', ' ').replace('.', ' ').strip();
        return words.isEmpty() ? internal : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
