package dev.tower.error;

/**
 * The signed-in staff member may not do this. Raised by the app's own check (which knows the action
 * and the role) or by the database refusing it (SQLSTATE 42501, where neither is known).
 */
public final class AccessDeniedException extends TowerException {
    private final String action;
    private final String roleLabel;

    /** @param action what was attempted, as a lower-case phrase ("issue refunds up to the limit") */
    public AccessDeniedException(String action, String roleLabel) {
        super("Role " + roleLabel + " may not " + action, null);
        this.action = action;
        this.roleLabel = roleLabel;
    }

    /** The database refused: the app's check and the database's grants disagree, or the app was bypassed. */
    public static AccessDeniedException byDatabase(Throwable cause) {
        return new AccessDeniedException(cause);
    }

    private AccessDeniedException(Throwable cause) {
        super("The database refused the action: " + cause.getMessage(), cause);
        this.action = null;
        this.roleLabel = null;
    }

    /** Null when the database refused and the action is not known. */
    public String action() { return action; }

    public String roleLabel() { return roleLabel; }

    public boolean refusedByDatabase() { return action == null; }
}
