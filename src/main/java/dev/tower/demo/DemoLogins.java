package dev.tower.demo;

import dev.tower.db.DatabaseSetupException;
import org.postgresql.util.PasswordUtil;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The three demo staff logins (password {@code demo}). Created on the embedded database only: Tower
 * never creates a known password on a database someone else runs. The password is sent as a SCRAM
 * verifier: the embedded server's passwordcheck module refuses {@code demo} in plain text, as it
 * would from anyone.
 */
public final class DemoLogins {
    public record DemoLogin(String login, String group, String displayName) {}

    public static final String PASSWORD = "demo";
    public static final List<DemoLogin> ALL = List.of(
            new DemoLogin("demo_admin", "tower_admin", "Alex Admin"),
            new DemoLogin("demo_ops", "tower_ops", "Olivia Ops"),
            new DemoLogin("demo_analyst", "tower_analyst", "Andre Analyst"));

    private DemoLogins() {}

    /**
     * Creates the demo logins that do not exist yet, and touches no existing one: an admin who disabled
     * a demo login, changed its password or its role keeps that decision across restarts. The staff
     * row is written only for a login created here.
     */
    public static void createMissing(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            List<DemoLogin> missing = missing(c);
            if (missing.isEmpty()) {
                return;
            }
            // Created as tower_security, like every staff login, so the Staff screen can later change
            // their role, password and enabled state through the staff functions.
            s.execute("SET ROLE tower_security");
            for (DemoLogin d : missing) {
                s.execute("CREATE ROLE " + d.login() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                        + " PASSWORD '" + PasswordUtil.encodeScramSha256(PASSWORD.toCharArray()) + "'");
                s.execute("GRANT " + d.group() + " TO " + d.login());
            }
            s.execute("RESET ROLE");
            for (DemoLogin d : missing) {
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

    private static List<DemoLogin> missing(Connection c) throws SQLException {
        List<DemoLogin> missing = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)")) {
            for (DemoLogin d : ALL) {
                p.setString(1, d.login());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        missing.add(d);
                    }
                }
            }
        }
        return missing;
    }
}
