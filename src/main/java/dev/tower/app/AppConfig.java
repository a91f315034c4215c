package dev.tower.app;

import java.nio.file.Path;

/**
 * What the command line decided before the window opens.
 *
 * @param jdbcUrl          the database to offer at sign-in (the embedded one's URL when embedded)
 * @param embeddedDatabase true when {@code jdbcUrl} is the embedded PostgreSQL Tower started itself
 * @param replicaAddress   a read replica of that database (host:port or a JDBC URL) the analytics
 *                         dashboards and exports read from; null for none
 * @param profilesFile     where the saved connection profiles live; null for Tower's folder
 */
public record AppConfig(String jdbcUrl, boolean embeddedDatabase, String replicaAddress, Path profilesFile) {
    public AppConfig(String jdbcUrl, boolean embeddedDatabase) {
        this(jdbcUrl, embeddedDatabase, null, null);
    }

    public AppConfig withReplica(String address) {
        return new AppConfig(jdbcUrl, embeddedDatabase, address == null || address.isBlank() ? null : address.strip(),
                profilesFile);
    }

    public AppConfig withProfiles(Path file) {
        return new AppConfig(jdbcUrl, embeddedDatabase, replicaAddress, file);
    }

    /** The profiles file to use: the one given, else {@code profiles.properties} in Tower's folder. */
    Path profiles() {
        return profilesFile != null ? profilesFile : dev.tower.db.TowerHome.resolve().resolve("profiles.properties");
    }
}
