package dev.tower.analytics;

import dev.tower.error.ValidationException;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read replica named on the command line ({@code --replica host:port}, optionally {@code host:port/db},
 * or a whole {@code jdbc:postgresql://} URL). A host and port alone take the primary's database name and
 * URL parameters, since a streaming replica is a copy of the whole cluster.
 */
public record ReplicaAddress(String jdbcUrl) {
    private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:]+]):(\\d{1,5})(/[A-Za-z0-9_\\-]+)?$");

    public ReplicaAddress {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new ValidationException("analytics.bad_replica", "A replica's address is host:port or a jdbc:postgresql:// URL.");
        }
    }

    /** @param primaryJdbcUrl the primary's URL, whose database and parameters a bare host:port inherits */
    public static ReplicaAddress parse(String text, String primaryJdbcUrl) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("jdbc:postgresql://")) {
            return new ReplicaAddress(t);
        }
        Matcher m = HOST_PORT.matcher(t);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
            throw new ValidationException("analytics.bad_replica",
                    "\"" + t + "\" is not a replica address: write host:port, such as replica.example.com:5432.");
        }
        URI primary = URI.create(primaryJdbcUrl.substring("jdbc:".length()));
        String database = m.group(3) != null ? m.group(3) : (primary.getPath() == null ? "/postgres" : primary.getPath());
        String query = primary.getRawQuery() == null ? "" : "?" + primary.getRawQuery();
        return new ReplicaAddress("jdbc:postgresql://" + m.group(1) + ":" + m.group(2) + database + query);
    }

    /** host:port, for people. */
    public String label() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return uri.getHost() + ":" + uri.getPort();
    }
}
