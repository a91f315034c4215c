package dev.tower.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Accepts the database addresses people actually paste: a JDBC URL, or the {@code postgres://} /
 * {@code postgresql://} URI that Supabase and most hosts show. Anything else is refused in plain words.
 */
public final class JdbcUrls {
    private JdbcUrls() {}

    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("The database address is empty.");
        }
        String url = input.strip();
        if (url.startsWith("jdbc:postgresql://")) {
            requireHost(url.substring("jdbc:postgresql://".length()), input);
            return url;
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("The database address \"" + input + "\" has no host name.");
                }
                String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "/postgres" : uri.getPath();
                String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
                // user:password in the URI is left out: Tower signs each staff member in with their own login.
                return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + db + query;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("The database address \"" + input + "\" is not a valid URL.", e);
            }
        }
        throw new IllegalArgumentException("\"" + input + "\" is not a PostgreSQL address. Use jdbc:postgresql://host:5432/db"
                + " or postgresql://host:5432/db.");
    }

    /** host:port of a JDBC URL, for messages such as "cannot reach db.example.com:5432". */
    public static Optional<String> hostAndPort(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        String hostPort = end < 0 ? rest : rest.substring(0, end);
        int q = hostPort.indexOf('?');
        hostPort = q < 0 ? hostPort : hostPort.substring(0, q);
        return hostPort.isEmpty() ? Optional.empty() : Optional.of(hostPort.contains(":") ? hostPort : hostPort + ":5432");
    }

    private static void requireHost(String afterScheme, String input) {
        if (afterScheme.isEmpty() || afterScheme.startsWith("/")) {
            throw new IllegalArgumentException("The database address \"" + input + "\" has no host name.");
        }
    }
}
