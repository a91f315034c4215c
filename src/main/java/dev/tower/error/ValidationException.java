package dev.tower.error;

/**
 * Input the rules reject. {@code code} is stable (tests and logs match on it), {@code plainMessage}
 * is already written for people: the app writes it, or a database function raises it as
 * {@code RAISE EXCEPTION 'code: plain sentence'} (SQLSTATE P0001).
 */
public final class ValidationException extends TowerException {
    private final String code;
    private final String plainMessage;

    public ValidationException(String code, String plainMessage) {
        this(code, plainMessage, null);
    }

    public ValidationException(String code, String plainMessage, Throwable cause) {
        super(code + ": " + plainMessage, cause);
        this.code = code;
        this.plainMessage = plainMessage;
    }

    public String code() { return code; }

    public String plainMessage() { return plainMessage; }
}
