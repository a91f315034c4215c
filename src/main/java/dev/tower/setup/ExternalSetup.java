package dev.tower.setup;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.DatabaseSetupException;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import org.postgresql.util.PasswordUtil;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * One-time preparation of someone else's PostgreSQL (or Supabase) for Tower, run by its administrator:
 * roles, migrations as tower_owner, the staff functions, and the first admin login. After this, Tower
 * never migrates that database by itself; admins apply later migrations from the Schema screen.
 */
public final class ExternalSetup {
    public record Result(int migrationsApplied, boolean adminCreated) {}

    private ExternalSetup() {}

    public static Result run(String jdbcUrl, String setupLogin, char[] setupPassword, String firstAdmin, char[] adminPassword) {
        ConnectionSettings setupSettings = new ConnectionSettings(jdbcUrl, setupLogin, setupPassword);
        DataSource setup = DataSources.simple(setupSettings);
        try (Connection probe = setup.getConnection()) {
            probe.isValid(2);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not connect as " + setupLogin + ": " + e.getMessage(), e);
        }
        RoleBootstrap.ensureRoles(setup);
        allowSetupLoginToActAsOwner(setup, setupLogin);
        int applied = migrate(setup);
        RoleBootstrap.ensureStaffFunctions(setup);
        boolean created = false;
        if (firstAdmin != null) {
            createFirstAdmin(setup, firstAdmin, adminPassword);
            created = true;
        }
        return new Result(applied, created);
    }

    /**
     * A hosted database's admin login is often CREATEROLE rather than superuser: it may administer
     * the roles it just created but needs an explicit SET grant to run migrations as the owner.
     */
    private static void allowSetupLoginToActAsOwner(DataSource setup, String setupLogin) {
        try (Connection c = setup.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$
                    DECLARE r text;
                    BEGIN
                      -- tower_security and tower_audit: the staff functions and the audit log are installed as them
                      FOREACH r IN ARRAY ARRAY['tower_owner', 'tower_security', 'tower_audit'] LOOP
                        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
                           AND NOT pg_has_role(session_user, r, 'SET') THEN
                          EXECUTE format('GRANT %I TO %I WITH INHERIT FALSE, SET TRUE', r, session_user);
                        END IF;
                      END LOOP;
                    END $$""");
        } catch (SQLException e) {
            throw new DatabaseSetupException(setupLogin + " may not act as tower_owner to migrate: " + e.getMessage(), e);
        }
    }

    /**
     * Migrations run on the tower_setup login (a real login that is a member of tower_owner and nothing
     * more, see SetupLogin), whether the setup login is a superuser or a hosted CREATEROLE
     * administrator: under a mere SET ROLE, code an admin planted on an owner table could RESET ROLE
     * to the setup login and use its rights (superuser, or ADMIN on every staff group).
     */
    private static int migrate(DataSource setup) {
        try (SetupLogin login = SetupLogin.open(setup)) {
            return new Migrator(login.settings()).migrate().migrationsExecuted;
        }
    }

    private static void createFirstAdmin(DataSource setup, String login, char[] password) {
        try (Connection c = setup.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT tower_staff.create_staff_login(?, ?, 'tower_admin', ?)")) {
            // Executed as tower_security so the new login is administered by the staff functions later;
            // tower_staff.* (not the ops wrapper, which tower_owner could swap) so no owner code runs here.
            try (Statement s = c.createStatement()) {
                s.execute("SET ROLE tower_security");
            }
            p.setString(1, login);
            p.setString(2, login);
            p.setString(3, PasswordUtil.encodeScramSha256(password));
            p.execute();
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not create the admin login " + login + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
