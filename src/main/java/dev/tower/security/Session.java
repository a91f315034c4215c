package dev.tower.security;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * One signed-in staff member: who they are, their role, and the connection pool opened with their
 * own database login. Closing the session closes that pool.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final String login;
    private final String displayName;
    private final Role role;
    private final String databaseLabel;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final AutoCloseable onClose;
    private final SchemaStanding schema;
    private boolean closed;

    /**
     * @param databaseLabel where this session is connected, for people ("This computer (embedded)")
     * @param onClose       releases the connections (the pool's close); run once
     */
    public Session(String login, String displayName, Role role, String databaseLabel,
                   DataSource dataSource, Jdbi jdbi, AutoCloseable onClose) {
        this(login, displayName, role, databaseLabel, dataSource, jdbi, onClose, SchemaStanding.current(null));
    }

    /** @param schema how the database's schema stood against this build when the session connected */
    public Session(String login, String displayName, Role role, String databaseLabel,
                   DataSource dataSource, Jdbi jdbi, AutoCloseable onClose, SchemaStanding schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.login = Objects.requireNonNull(login, "login");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.role = Objects.requireNonNull(role, "role");
        this.databaseLabel = Objects.requireNonNull(databaseLabel, "databaseLabel");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    public String login() { return login; }

    public String displayName() { return displayName; }

    public Role role() { return role; }

    public String databaseLabel() { return databaseLabel; }

    /** The staff member's own pool; for Flyway and other code that needs plain JDBC. */
    public DataSource dataSource() { return dataSource; }

    /** Jdbi over {@link #dataSource()}, set up like every other Tower Jdbi. */
    public Jdbi jdbi() { return jdbi; }

    /** The schema check made on connect; the shell shows its banner, and writes wait for a current schema. */
    public SchemaStanding schema() { return schema; }

    public boolean has(Permission permission) {
        return PermissionMatrix.allows(role, permission);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.warn("Closing the session of {} did not go cleanly", login, e);
        }
    }

    @Override
    public String toString() {
        return "Session[" + login + " as " + role + " on " + databaseLabel + "]";
    }
}
