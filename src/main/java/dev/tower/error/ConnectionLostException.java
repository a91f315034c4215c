package dev.tower.error;

/**
 * The database cannot be reached or is going away: SQLSTATE class 08, 57P01-57P03, a pool timeout,
 * or a socket error. Views show it and disable writes until a later call succeeds.
 */
public final class ConnectionLostException extends TowerException {
    private final String target;

    /** @param target "host:port" when known (sign-in knows it), else null */
    public ConnectionLostException(String target, Throwable cause) {
        super("Database unreachable" + (target == null ? "" : " at " + target)
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.target = target;
    }

    public String target() { return target; }

    @Override
    public boolean expected() {
        return false;
    }
}
