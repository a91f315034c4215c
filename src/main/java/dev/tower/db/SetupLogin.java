package dev.tower.db;

import org.postgresql.util.PasswordUtil;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The non-superuser login that setup work writing owner tables (demo generation) runs on. A superuser
 * connection that merely {@code SET ROLE}s is no boundary: code an admin planted on an owner table as
 * tower_owner could {@code RESET ROLE} and be superuser. tower_setup (created by the role bootstrap,
 * member of tower_owner, NOSUPERUSER) is a real login instead; it can log in only while {@link #open}
 * is in use, with a random password that is never stored, and is NOLOGIN again on {@link #close}.
 */
public final class SetupLogin implements AutoCloseable {
    public static final String ROLE = "tower_setup";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource superuser;
    private final ConnectionSettings settings;
    private final DataSource setup;

    private SetupLogin(DataSource superuser, ConnectionSettings settings) {
        this.superuser = superuser;
        this.settings = settings;
        this.setup = DataSources.simple(settings);
    }

    /** Enables tower_setup for this use only. Needs a superuser (or administering CREATEROLE) connection. */
    public static SetupLogin open(DataSource superuser) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            // the superuser, or a hosted database's CREATEROLE administrator that administers tower_setup
            try (ResultSet rs = s.executeQuery("""
                    SELECT rolsuper OR (rolcreaterole AND pg_has_role(current_user, 'tower_setup', 'USAGE WITH ADMIN OPTION'))
                    FROM pg_roles WHERE rolname = current_user""")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new DatabaseSetupException("Setup runs as the database's superuser, or as a CREATEROLE"
                            + " login administering " + ROLE + ", only.", null);
                }
            }
            String url = c.getMetaData().getURL();
            s.execute("ALTER ROLE " + ROLE + " LOGIN PASSWORD '" + PasswordUtil.encodeScramSha256(password.clone()) + "'");
            return new SetupLogin(superuser, new ConnectionSettings(url, ROLE, password));
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not prepare the setup login: " + e.getMessage(), e);
        }
    }

    /** How to log in as tower_setup while this is open (for Flyway's own throw-away connections). */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Connections that logged in as tower_setup. */
    public DataSource dataSource() {
        return setup;
    }

    @Override
    public void close() {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + ROLE + " NOLOGIN PASSWORD NULL");
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not lock the setup login again: " + e.getMessage(), e);
        }
    }
}
