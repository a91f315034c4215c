package dev.tower.db;

import org.postgresql.PGProperty;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.util.Properties;

/**
 * pgjdbc password plugin for Tower's own embedded cluster: the password is handed out for SCRAM only.
 *
 * <p>A server that asks for a cleartext (or MD5) password gets nothing: the embedded cluster only ever
 * asks for SCRAM, so whatever asks otherwise is not it (say, a program listening on the port a stale
 * {@code postmaster.pid} names). SCRAM never puts the password on the wire, and pgjdbc checks the
 * server's final signature, which only a server holding the password's verifier can produce; so a
 * connection that succeeds proves the server is one this password was set on.
 */
public final class ScramOnlyPassword implements AuthenticationPlugin {
    /** The JDBC URL parameter that turns this plugin on. */
    public static final String URL_PARAMETER = "authenticationPluginClassName=" + ScramOnlyPassword.class.getName();

    private final String password;

    /** pgjdbc calls this with the connection's properties (URL parameters, user and password merged). */
    public ScramOnlyPassword(Properties info) {
        this.password = PGProperty.PASSWORD.getOrDefault(info);
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        if (type != AuthenticationRequestType.SASL) {
            throw new PSQLException("The server asked for a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " password, which Tower's embedded database never does; no password was sent to it.",
                    PSQLState.CONNECTION_REJECTED);
        }
        // pgjdbc wipes the array after use: hand out a copy each time
        return password == null ? null : password.toCharArray();
    }
}
