package dev.tower.shell;

import dev.tower.security.Permission;

/**
 * A place in the shell's sidebar. Each names the permission that opens it, so what a role sees
 * follows from the {@link dev.tower.security.PermissionMatrix} alone. Declaration order is sidebar order.
 */
public enum Section {
    PROVIDERS("providers", "Providers", Permission.VIEW_PROVIDERS,
            "Look up any provider's profile, services, schedule, ratings and verification state. Admins "
                    + "also review verification documents and verify or reject providers."),
    AREAS("areas", "Service areas", Permission.VIEW_SERVICE_AREAS,
            "See the service areas and which providers serve each one. Admins create, rename and retire "
                    + "areas without leaving any provider without one."),
    BOOKINGS("bookings", "Bookings", Permission.VIEW_BOOKINGS,
            "Work the bookings queue: open a booking's timeline and messages and move it to its next "
                    + "legal status."),
    DISPUTES("disputes", "Disputes", Permission.VIEW_DISPUTES,
            "Take disputes under review before their due time and resolve them with a full, partial or "
                    + "no refund; refunds above the limit wait for an admin's approval."),
    ANALYTICS("analytics", "Analytics", Permission.VIEW_ANALYTICS,
            "Dashboards of bookings and revenue by area and category and of provider performance; "
                    + "refresh them and export them as CSV or PNG."),
    SCHEMA("schema", "Schema", Permission.VIEW_SCHEMA_STATUS,
            "See which database migrations are applied and which are pending, and apply the pending ones."),
    HEALTH("health", "Database health", Permission.VIEW_DATABASE_HEALTH,
            "See the slowest statements, table sizes, dead rows, unused indexes and blocked sessions; run ANALYZE"
                    + " on a table or cancel a runaway statement."),
    STAFF("staff", "Staff", Permission.MANAGE_STAFF,
            "Add staff logins, give each one its role, and disable those who leave."),
    AUDIT("audit", "Audit log", Permission.VIEW_AUDIT_LOG,
            "Read who did what and when, for every staff action, and check that the log is unbroken."),
    SETTINGS("settings", "System settings", Permission.MANAGE_SETTINGS,
            "Set the refund approval limit, the dispute resolution time and the platform fee; every change "
                    + "is checked by the database and written to the audit log.");

    private final String key;
    private final String title;
    private final Permission permission;
    private final String summary;

    Section(String key, String title, Permission permission, String summary) {
        this.key = key;
        this.title = title;
        this.permission = permission;
        this.summary = summary;
    }

    /** Stable short name: node ids ({@code nav-<key>}) and logs use it. */
    public String key() { return key; }

    public String title() { return title; }

    /** The permission a role must hold to see this section at all. */
    public Permission permission() { return permission; }

    /** What the section lets staff do, in one or two sentences. */
    public String summary() { return summary; }
}
