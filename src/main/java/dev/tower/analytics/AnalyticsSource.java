package dev.tower.analytics;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.db.DataSources;
import dev.tower.db.JdbiFactory;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * Where the dashboards and exports read: the session's own database, or a read replica of it opened
 * with the same login. Refreshes and audit rows always go to the primary ({@link Session#jdbi()}).
 * Close it with the session.
 */
public final class AnalyticsSource implements AutoCloseable {
    private final Jdbi reads;
    private final ReplicaAddress replica;
    private final HikariDataSource replicaPool;

    private AnalyticsSource(Jdbi reads, ReplicaAddress replica, HikariDataSource replicaPool) {
        this.reads = reads;
        this.replica = replica;
        this.replicaPool = replicaPool;
    }

    public static AnalyticsSource primaryOnly(Session session) {
        return new AnalyticsSource(session.jdbi(), null, null);
    }

    /** Reads from {@code replica} with the session's login; nothing connects until the first read. */
    public static AnalyticsSource withReplica(Session session, ReplicaAddress replica) {
        HikariDataSource pool = DataSources.sameLoginElsewhere(session.dataSource(), replica.jdbcUrl(),
                "tower-replica-" + session.login());
        return new AnalyticsSource(JdbiFactory.create(pool), replica, pool);
    }

    public Jdbi reads() { return reads; }

    public Optional<ReplicaAddress> replica() { return Optional.ofNullable(replica); }

    @Override
    public void close() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }
}
