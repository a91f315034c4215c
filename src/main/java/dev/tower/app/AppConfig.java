package dev.tower.app;

/**
 * What the command line decided before the window opens.
 *
 * @param jdbcUrl          the database to offer at sign-in (the embedded one's URL when embedded)
 * @param embeddedDatabase true when {@code jdbcUrl} is the embedded PostgreSQL Tower started itself
 */
public record AppConfig(String jdbcUrl, boolean embeddedDatabase) {
}
