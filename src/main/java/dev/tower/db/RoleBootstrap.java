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
    static final String STAFF_FUNCTIONS = "/db/bootstrap/staff_functions.sql";
    static final String STAFF_PLANS = "/db/bootstrap/staff_plans.sql";
    static final String AUDIT_LOG = "/db/bootstrap/audit_log.sql";
    static final String TAKE_OVER = "/db/bootstrap/take_over.sql";
    static final String DATABASE_HEALTH = "/db/bootstrap/database_health.sql";

    private RoleBootstrap() {}

    public static void ensureRoles(DataSource superuser) {
        try (Connection c = superuser.getConnection()) {
            SqlScript.run(c, SCRIPT);
            SqlScript.run(c, STAFF_PLANS);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not create Tower's database roles: " + e.getMessage(), e);
        }
    }

    /**
     * (Re)creates the staff-login functions owned by tower_security. Runs after the migrations, which
     * create the tables and helpers they use; see the script for why they are not a migration.
     */
    public static void ensureStaffFunctions(DataSource superuser) {
        try (Connection c = superuser.getConnection()) {
            // the audit log first: the staff functions append to it
            SqlScript.run(c, TAKE_OVER);
            SqlScript.run(c, AUDIT_LOG);
            SqlScript.run(c, STAFF_FUNCTIONS);
            SqlScript.run(c, DATABASE_HEALTH);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not install the staff management functions: " + e.getMessage(), e);
        }
    }
}
