package dev.tower.app;

/**
 * What the command line decided before the window opens.
 *
 * @param jdbcUrl          the database to offer at sign-in (the embedded one's URL when embedded)
 * @param embeddedDatabase true when {@code jdbcUrl} is the embedded PostgreSQL Tower started itself
 * @param replicaAddress   a read replica of that database (host:port or a JDBC URL) the analytics
 *                         dashboards and exports read from; null for none
 */
public record AppConfig(String jdbcUrl, boolean embeddedDatabase, String replicaAddress) {
    public AppConfig(String jdbcUrl, boolean embeddedDatabase) {
        this(jdbcUrl, embeddedDatabase, null);
    }

    public AppConfig withReplica(String address) {
        return new AppConfig(jdbcUrl, embeddedDatabase, address == null || address.isBlank() ? null : address.strip());
    }
}
