package dev.tower.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * A staff role. Each is a NOLOGIN group role in PostgreSQL that staff logins are members of.
 * Declaration order is precedence: a login in several groups gets the first one listed.
 */
public enum Role {
    ADMIN("tower_admin", "Admin"),
    OPS("tower_ops", "Operations"),
    ANALYST("tower_analyst", "Analyst");

    private final String groupRole;
    private final String label;

    Role(String groupRole, String label) {
        this.groupRole = groupRole;
        this.label = label;
    }

    /** The PostgreSQL group role, e.g. {@code tower_ops}. */
    public String groupRole() { return groupRole; }

    /** How people call it in the UI. */
    public String label() { return label; }

    public static Optional<Role> ofGroupRole(String groupRole) {
        return Arrays.stream(values()).filter(r -> r.groupRole.equals(groupRole)).findFirst();
    }
}
