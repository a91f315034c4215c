package dev.tower.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.JdbiFactory;
import dev.tower.demo.DemoScale;
import dev.tower.security.Role;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's {@link BenchContext}: one session per staff role, signed in through Tower's own sign-in
 * (given by the composition root) as the demo login of that role, plus a superuser session for comparisons.
 */
public final class BenchSessions implements BenchContext, AutoCloseable {
    private final DemoScale scale;
    private final ConnectionSettings superuserSettings;
    private final Jdbi superuser;
    private final HikariDataSource superuserPool;
    private final Session superuserSession;
    private final Map<Role, Session> sessions = new EnumMap<>(Role.class);
    private final Bench.SignIn signIn;
    private final List<String> notes = new ArrayList<>();

    public BenchSessions(DemoScale scale, ConnectionSettings superuserSettings, Bench.SignIn signIn) {
        this.scale = scale;
        this.signIn = signIn;
        this.superuserSettings = superuserSettings;
        this.superuserPool = DataSources.staffPool(superuserSettings, "tower-bench-superuser");
        this.superuser = JdbiFactory.create(superuserPool);
        // Role ADMIN only so the app-side guard lets the comparison through; the database sees a superuser.
        this.superuserSession = new Session(superuserSettings.login(), "superuser (comparison)", Role.ADMIN,
                "bench database", superuserPool, superuser, () -> {});
    }

    @Override
    public DemoScale scale() { return scale; }

    @Override
    public String jdbcUrl() { return superuserSettings.jdbcUrl(); }

    @Override
    public Jdbi superuser() { return superuser; }

    @Override
    public synchronized Session session(Role role) {
        return sessions.computeIfAbsent(role, this::signIn);
    }

    /** The session an operation runs on: its role's, or the superuser's for comparisons. */
    public Session sessionFor(BenchOperation operation) {
        return operation.asSuperuser() ? superuserSession : session(operation.role());
    }

    @Override
    public Session signIn(Role role) {
        return signIn.signIn(jdbcUrl(), role);
    }

    @Override
    public synchronized void note(String text) {
        notes.add(text);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(Session::close);
        sessions.clear();
        superuserPool.close();
    }
}
