package dev.tower.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Connection pools sized and timed as DESIGN.md's "Connections" section says: a desktop app needs
 * few connections, must notice a dead server within seconds, and must never hang on a half-open socket.
 */
public final class DataSources {
    private DataSources() {}

    /** A small pool for one signed-in staff member. */
    public static HikariDataSource staffPool(ConnectionSettings settings, String poolName) {
        return staffPool(settings, poolName, false);
    }

    /**
     * @param readOnly every transaction starts READ ONLY (the schema does not match the build): the
     *                 server itself refuses a write the UI might still let through
     */
    public static HikariDataSource staffPool(ConnectionSettings settings, String poolName, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.login());
        config.setPassword(new String(settings.password()));
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(Duration.ofSeconds(4).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        config.setKeepaliveTime(Duration.ofMinutes(3).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(25).toMillis());
        config.setIdleTimeout(Duration.ofMinutes(10).toMillis());
        // Fail fast with the server's own message (wrong password, no such database) at sign-in.
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("socketTimeout", "45");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", "4");
        config.addDataSourceProperty("ApplicationName", "Tower");
        // Tower's list queries take optional filters ("CAST(:x AS text) IS NULL OR col = :x"); a generic
        // plan cannot know which are set and scans the whole table (an audit page: 0.1 ms custom, 280 ms
        // generic at 450k rows). Plans are cheap next to that, so every execution gets a custom plan.
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan"
                + (readOnly ? " -c default_transaction_read_only=on" : ""));
        return new HikariDataSource(config);
    }

    /** An unpooled source for one-off setup work (bootstrap, migrations, demo data). */
    public static PGSimpleDataSource simple(ConnectionSettings settings) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(settings.jdbcUrl());
        ds.setUser(settings.login());
        ds.setPassword(new String(settings.password()));
        ds.setApplicationName("Tower setup");
        ds.setTcpKeepAlive(true);
        ds.setConnectTimeout(5);
        return ds;
    }

    /**
     * A second small pool signed in exactly like {@code primary} (same login and settings) but to another
     * server: a read replica of the same cluster, which has the same logins. The staff member's password
     * is never kept anywhere else; it is copied from the pool they opened at sign-in.
     *
     * @throws IllegalArgumentException when {@code primary} is not a pool Tower opened
     */
    public static HikariDataSource sameLoginElsewhere(javax.sql.DataSource primary, String jdbcUrl, String poolName) {
        if (!(primary instanceof HikariDataSource source)) {
            throw new IllegalArgumentException("Only a staff pool can be opened again elsewhere");
        }
        HikariConfig config = new HikariConfig();
        source.copyStateTo(config);
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setMinimumIdle(0);
        config.setMaximumPoolSize(2);
        // a replica that is down must not keep the dashboards from opening from the primary instead
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
