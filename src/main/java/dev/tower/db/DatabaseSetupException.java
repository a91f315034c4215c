package dev.tower.db;

/** Setting a database up for Tower failed (roles, migrations, demo logins); the message is for people. */
public class DatabaseSetupException extends RuntimeException {
    public DatabaseSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
