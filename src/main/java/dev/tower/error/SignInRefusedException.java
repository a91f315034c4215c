package dev.tower.error;

/** Signing in did not produce a usable staff session; {@link Reason} says which of the distinct cases. */
public final class SignInRefusedException extends TowerException {
    public enum Reason {
        /** 28P01: PostgreSQL does not say which of the two was wrong, and neither do we. */
        WRONG_LOGIN_OR_PASSWORD,
        /** 28000 (ALTER ROLE ... NOLOGIN) or the staff record is marked disabled. */
        LOGIN_DISABLED,
        /** The login works but is in none of the Tower groups. */
        UNKNOWN_ROLE,
        /** Superusers pass every database check, so they would turn the database's wall off. */
        SUPERUSER,
        /** 3D000: the address names a database that does not exist. */
        NO_SUCH_DATABASE,
        /** The login's sessions start as another role (ALTER ROLE ... SET role): its rights would not be its own. */
        DEFAULT_ROLE_CHANGED
    }

    private final Reason reason;
    private final String login;

    public SignInRefusedException(Reason reason, String login, Throwable cause) {
        super("Sign-in refused for " + login + ": " + reason
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.reason = reason;
        this.login = login;
    }

    public Reason reason() { return reason; }

    public String login() { return login; }
}
