package dev.tower.signin;

import dev.tower.db.JdbcUrls;
import dev.tower.error.ValidationException;

/** The database address as sign-in uses it: checked, normalised, and named for people. */
public final class DatabaseAddress {
    /** How the embedded database is named on screen and in the session. */
    public static final String EMBEDDED_LABEL = "This computer (embedded)";

    private DatabaseAddress() {}

    /** A JDBC URL from what people paste (JDBC URL or postgres:// URI); plain words when it is neither. */
    static String normalise(String input) {
        try {
            return JdbcUrls.normalise(input);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("database_address_invalid", e.getMessage(), e);
        }
    }

    /** "host:port", for "cannot reach ..." messages. */
    static String target(String jdbcUrl) {
        return JdbcUrls.hostAndPort(jdbcUrl).orElse("the address given");
    }

    /** "host:port/database", for the session's label. */
    static String describe(String jdbcUrl) {
        String target = target(jdbcUrl);
        String afterHost = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = afterHost.indexOf('/');
        if (slash < 0) {
            return target;
        }
        String database = afterHost.substring(slash + 1);
        int query = database.indexOf('?');
        database = query < 0 ? database : database.substring(0, query);
        return database.isEmpty() ? target : target + "/" + database;
    }
}
