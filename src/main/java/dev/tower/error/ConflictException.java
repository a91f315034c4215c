package dev.tower.error;

/** The change clashes with data already there: a constraint (SQLSTATE class 23) or a stale edit. */
public final class ConflictException extends TowerException {
    private final String constraint;

    /** @param constraint the violated constraint's name, or null when unknown */
    public ConflictException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    public String constraint() { return constraint; }
}
