package dev.tower.connection;

import dev.tower.error.ConnectionLostException;
import dev.tower.error.ErrorClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Asks the session's pool for a connection and runs {@code SELECT 1} every few seconds, on its own daemon
 * thread, and reports each change between reachable and lost. With the pool's 4 s connection timeout a
 * dead server is noticed within interval + 4 s; reconnecting is the pool's own work (it opens new
 * connections as soon as the server answers), so the first probe that succeeds reports "back".
 *
 * <p>Only connection failures (SQLSTATE 08, 57P0x, socket errors) count as lost: a probe refused for any
 * other reason still reached the server.
 */
public final class ConnectionMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Duration interval;
    private final Executor deliver;
    private final Consumer<Boolean> onChange;
    private final ScheduledExecutorService scheduler;
    private volatile boolean online = true;

    /**
     * @param deliver  where {@code onChange} runs (the FX thread in the app)
     * @param onChange told {@code false} when the database is lost and {@code true} when it is back
     */
    public ConnectionMonitor(DataSource dataSource, Duration interval, Executor deliver, Consumer<Boolean> onChange) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.interval = Objects.requireNonNull(interval);
        this.deliver = Objects.requireNonNull(deliver);
        this.onChange = Objects.requireNonNull(onChange);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tower-connection-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    public ConnectionMonitor start() {
        scheduler.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One probe, now, on the calling thread (the scheduler's, or a test's). */
    void probe() {
        boolean reachable = reachable();
        if (reachable != online) {
            if (reachable) {
                LOG.info("The database answers again");
            } else {
                LOG.warn("Lost the connection to the database");
            }
            deliver.execute(() -> onChange.accept(reachable));
            online = reachable; // after handing it on: whoever reads online() finds the listeners told
        }
    }

    private boolean reachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            boolean lost = ErrorClassifier.classify(e) instanceof ConnectionLostException;
            if (!lost) {
                LOG.debug("Connection probe refused, but the server answered: {}", e.getMessage());
            }
            return !lost;
        }
    }

    public boolean online() { return online; }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
