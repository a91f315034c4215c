package dev.tower.bench;

import dev.tower.demo.DemoScale;
import dev.tower.security.Role;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;

/** What a feature's {@link BenchOperations} may use to build its operations. */
public interface BenchContext {
    /** The scale of the demo market being measured. */
    DemoScale scale();

    /** JDBC URL of the bench database (for operations that open their own connections, like sign-in). */
    String jdbcUrl();

    /**
     * The superuser, for looking up fixtures before timing starts; never for the operations measured
     * (those run through {@link BenchOperation.Body} with the session they are given).
     */
    Jdbi superuser();

    /** A signed-in demo login of that role, through Tower's own sign-in (one per role, shared). */
    Session session(Role role);

    /** A new session of that role's demo login, through Tower's own sign-in; the caller closes it. */
    Session signIn(Role role);

    /** Adds a line under the table in bench.md (a memory figure, why a target cannot be met...). */
    void note(String text);
}
