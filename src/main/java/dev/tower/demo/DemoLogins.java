package dev.tower.demo;

import dev.tower.db.DatabaseSetupException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The three demo staff logins (password {@code demo}). Created on the embedded database only: Tower
 * never creates a known password on a database someone else runs.
 */
public final class DemoLogins {
    public record DemoLogin(String login, String group, String displayName) {}

    public static final String PASSWORD = "demo";
    public static final List<DemoLogin> ALL = List.of(
            new DemoLogin("demo_admin", "tower_admin", "Alex Admin"),
            new DemoLogin("demo_ops", "tower_ops", "Olivia Ops"),
            new DemoLogin("demo_analyst", "tower_analyst", "Andre Analyst"));

    private DemoLogins() {}

    public static void ensure(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            // Created as tower_security, like every staff login, so the Staff screen can later change
            // their role, password and enabled state through the staff functions.
            s.execute("SET ROLE tower_security");
            for (DemoLogin d : ALL) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + d.login() + "') THEN "
                        + "CREATE ROLE " + d.login() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS; END IF; END $$");
                s.execute("ALTER ROLE " + d.login() + " LOGIN PASSWORD '" + PASSWORD + "'");
                s.execute("GRANT " + d.group() + " TO " + d.login());
            }
            s.execute("RESET ROLE");
            for (DemoLogin d : ALL) {
                try (PreparedStatement p = c.prepareStatement("""
                        INSERT INTO public.staff_members (login, display_name, role_group, created_by)
                        VALUES (?, ?, ?, 'tower setup')
                        ON CONFLICT (login) DO NOTHING""")) {
                    p.setString(1, d.login());
                    p.setString(2, d.displayName());
                    p.setString(3, d.group());
                    p.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not create the demo logins: " + e.getMessage(), e);
        }
    }
}
