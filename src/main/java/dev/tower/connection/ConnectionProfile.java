package dev.tower.connection;

import dev.tower.error.ValidationException;

import java.util.Locale;
import java.util.Objects;

/**
 * A saved way to reach a database: never its password (asked each time, or kept in the desktop keyring).
 *
 * @param readReplicaHost optional host of a read replica, for the analytics screens; "" when none
 * @param caCertificate   path of the CA certificate for {@code verify-full}; "" when none
 */
public record ConnectionProfile(String name, String host, int port, String database, String login, TlsMode tls,
                                String caCertificate, String readReplicaHost) {

    public enum TlsMode {
        DISABLE("disable"), REQUIRE("require"), VERIFY_CA("verify-ca"), VERIFY_FULL("verify-full");

        private final String sslmode;

        TlsMode(String sslmode) { this.sslmode = sslmode; }

        public String sslmode() { return sslmode; }
    }

    /** Supabase's pooler takes 6543 (transaction mode) and 5432 (session mode); Tower needs session mode. */
    public static final String SUPABASE_POOLER_NOTE = "Supabase: use the session pooler on port 5432 (Tower keeps"
            + " settings per session, which the transaction pooler on port 6543 does not carry), or the direct"
            + " connection on 5432. TLS is required.";

    /** The Supabase preset's settings: the session pooler's (or direct) port, its one database, TLS on. */
    public static final int SUPABASE_PORT = 5432;
    public static final String SUPABASE_DATABASE = "postgres";
    public static final TlsMode SUPABASE_TLS = TlsMode.REQUIRE;

    public ConnectionProfile {
        name = Objects.requireNonNullElse(name, "").strip();
        host = Objects.requireNonNullElse(host, "").strip();
        database = Objects.requireNonNullElse(database, "").strip();
        login = Objects.requireNonNullElse(login, "").strip();
        tls = Objects.requireNonNullElse(tls, TlsMode.VERIFY_FULL);
        caCertificate = Objects.requireNonNullElse(caCertificate, "").strip();
        readReplicaHost = Objects.requireNonNullElse(readReplicaHost, "").strip();
        if (name.isEmpty() || name.length() > 80 || name.contains("\n")) {
            throw new ValidationException("profile.name", "Give the profile a name of 1 to 80 characters.");
        }
        if (!host.matches("^[A-Za-z0-9.:\\-\\[\\]]{1,253}$")) {
            throw new ValidationException("profile.host", "Enter the database's host name or address.");
        }
        if (port < 1 || port > 65535) {
            throw new ValidationException("profile.port", "The port is a number from 1 to 65535.");
        }
        if (!database.matches("^[A-Za-z0-9_\\-]{1,63}$")) {
            throw new ValidationException("profile.database", "Enter the database name (letters, digits, _ or -).");
        }
        if (!login.matches("^[A-Za-z0-9_.\\-]{1,63}$")) {
            throw new ValidationException("profile.login", "Enter your database login.");
        }
        if (!readReplicaHost.isEmpty() && !readReplicaHost.matches("^[A-Za-z0-9.:\\-\\[\\]]{1,253}$")) {
            throw new ValidationException("profile.replica", "Enter the read replica's host name, or leave it empty.");
        }
    }

    /** A profile from what was typed in the profile editor: the port as text, refused in plain words. */
    public static ConnectionProfile fromInput(String name, String host, String port, String database, String login,
                                              TlsMode tls, String caCertificate, String readReplicaHost) {
        String digits = Objects.requireNonNullElse(port, "").strip();
        if (!digits.matches("\\d{1,5}")) {
            throw new ValidationException("profile.port", "The port is a number from 1 to 65535.");
        }
        return new ConnectionProfile(name, host, Integer.parseInt(digits), database, login, tls, caCertificate, readReplicaHost);
    }

    /** The Supabase preset: TLS required, session pooler port, database postgres. */
    public static ConnectionProfile supabase(String name, String host, String login) {
        return new ConnectionProfile(name, host, SUPABASE_PORT, SUPABASE_DATABASE, login, SUPABASE_TLS, "", "");
    }

    /** The JDBC URL (no password in it, ever). */
    public String jdbcUrl() {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + tls.sslmode();
        return caCertificate.isEmpty() ? url : url + "&sslrootcert=" + caCertificate;
    }

    /** The keyring's lookup key for this profile's password. */
    String secretKey() {
        return (login + "@" + host + ":" + port + "/" + database).toLowerCase(Locale.ROOT);
    }
}
