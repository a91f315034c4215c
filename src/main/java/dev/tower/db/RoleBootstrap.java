package dev.tower.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates Tower's cluster-level roles (owner, three staff groups, security manager). Needs a superuser
 * or CREATEROLE connection; idempotent, so it runs on every embedded start.
 */
public final class RoleBootstrap {
    static final String SCRIPT = "/db/bootstrap/V0__roles.sql";

    private RoleBootstrap() {}

    public static void ensureRoles(DataSource superuser) {
        try (Connection c = superuser.getConnection()) {
            SqlScript.run(c, SCRIPT);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not create Tower's database roles: " + e.getMessage(), e);
        }
    }
}
