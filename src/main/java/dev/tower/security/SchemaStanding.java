package dev.tower.security;

import java.util.List;
import java.util.Objects;

/**
 * How the connected database's schema stands against this build, found on connect: current, behind
 * (this build has migrations the database lacks) or ahead (a newer Tower migrated it). Decides whether the
 * session may write (see {@link #writable(Role)}) and what the shell's banner says.
 */
public record SchemaStanding(State state, String databaseVersion, String buildVersion, List<String> pending) {
    public enum State { CURRENT, BEHIND, AHEAD, UNKNOWN }

    public SchemaStanding {
        Objects.requireNonNull(state, "state");
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static SchemaStanding current(String version) {
        return new SchemaStanding(State.CURRENT, version, version, List.of());
    }

    /**
     * Writes are allowed on a current schema only. On a schema behind the build a guarded function the app
     * calls may not exist yet or may do the old thing; on one ahead, the app may break rules a newer Tower added.
     * An admin of a schema behind is offered the migration (and writes again once it is applied).
     */
    public boolean writable() {
        return state == State.CURRENT;
    }

    /** Why writes are off, in plain words; "" when they are not. */
    public String readOnlyReason(Role role) {
        return switch (state) {
            case CURRENT -> "";
            case BEHIND -> "The database schema is behind this version of Tower (database at "
                    + orNone(databaseVersion) + ", Tower needs " + buildVersion + "; " + pending.size()
                    + " migration(s) pending), so this session is read-only. "
                    + (role == Role.ADMIN ? "Review and apply the pending migrations on the Schema screen."
                    : "Ask an admin to apply the pending migrations.");
            case AHEAD -> "A newer Tower has migrated this database to version " + databaseVersion
                    + "; this Tower knows up to version " + buildVersion + ". Writes are refused: install a Tower"
                    + " that knows version " + databaseVersion + " to make changes.";
            case UNKNOWN -> "Tower could not read this database's migration history, so this session is read-only."
                    + (role == Role.ADMIN ? " Open the Schema screen to see why." : " Ask an admin to check the schema.");
        };
    }

    private static String orNone(String version) {
        return version == null ? "no version" : "version " + version;
    }
}
