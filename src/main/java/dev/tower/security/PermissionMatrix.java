package dev.tower.security;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.tower.security.Permission.*;

/**
 * The one place that says which role holds which permission (DESIGN.md, "Who uses it"). The database
 * grants say the same thing and are the wall; this is the courtesy that hides what would be refused.
 */
public final class PermissionMatrix {
    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        GRANTS.put(Role.ADMIN, EnumSet.allOf(Permission.class));
        // Ops work the queues; providers and areas are read-only for them, refunds only up to the limit.
        GRANTS.put(Role.OPS, EnumSet.of(
                VIEW_PROVIDERS, VIEW_SERVICE_AREAS,
                VIEW_BOOKINGS, CHANGE_BOOKING_STATUS, READ_BOOKING_MESSAGES,
                VIEW_DISPUTES, RESOLVE_DISPUTE, ISSUE_REFUND,
                VIEW_CUSTOMER_CONTACT, CHANGE_OWN_PASSWORD));
        // Analysts read aggregates: no business writes and never customers' contact details.
        GRANTS.put(Role.ANALYST, EnumSet.of(VIEW_ANALYTICS, REFRESH_ANALYTICS, EXPORT_ANALYTICS, CHANGE_OWN_PASSWORD));
    }

    private PermissionMatrix() {}

    public static boolean allows(Role role, Permission permission) {
        return GRANTS.get(role).contains(permission);
    }

    public static Set<Permission> permissionsOf(Role role) {
        return Collections.unmodifiableSet(GRANTS.get(role));
    }

    /** The matrix as a Markdown table, one row per permission, for README.md. */
    public static String toMarkdown() {
        StringBuilder md = new StringBuilder("| permission | what it allows |");
        for (Role role : Role.values()) {
            md.append(' ').append(role.label().toLowerCase()).append(" |");
        }
        md.append("\n|---|---|");
        md.append("---|".repeat(Role.values().length));
        for (Permission p : Permission.values()) {
            md.append("\n| `").append(p.name()).append("` | ").append(p.description()).append(" |");
            for (Role role : Role.values()) {
                md.append(allows(role, p) ? " yes |" : " — |");
            }
        }
        return md.append('\n').toString();
    }
}
