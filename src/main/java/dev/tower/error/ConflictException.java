package dev.tower.error;

/**
 * The change clashes with data already there: a constraint (SQLSTATE class 23), or a stale edit (a
 * database function raised a code ending in {@code changed_meanwhile}: someone else changed the row
 * since it was read). Not a validation error: the input was fine, the world moved.
 */
public final class ConflictException extends TowerException {
    private final String constraint;
    private final String code;
    private final String plainMessage;

    /** @param constraint the violated constraint's name, or null when unknown */
    public ConflictException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
        this.code = null;
        this.plainMessage = null;
    }

    private ConflictException(String code, String plainMessage, Throwable cause, boolean coded) {
        super(code + ": " + plainMessage, cause);
        this.constraint = null;
        this.code = code;
        this.plainMessage = plainMessage;
    }

    /** A stale edit a database function refused, with its code and plain sentence. */
    public static ConflictException changedMeanwhile(String code, String plainMessage, Throwable cause) {
        return new ConflictException(code, plainMessage, cause, true);
    }

    public String constraint() { return constraint; }

    /** The function's code ("settings.changed_meanwhile"), or null for constraint clashes. */
    public String code() { return code; }

    /** The function's own sentence for people, or null for constraint clashes. */
    public String plainMessage() { return plainMessage; }

    public boolean staleEdit() { return code != null; }
}
