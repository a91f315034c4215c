package dev.tower.testing;

import dev.tower.db.DataSources;
import dev.tower.demo.DemoLogins;
import dev.tower.db.JdbiFactory;
import dev.tower.security.Role;
import dev.tower.security.Session;

/** A real Session for a demo login on the test database, for service tests. */
public final class AdminSession implements AutoCloseable {
    private final Session session;

    private AdminSession(String login, Role role) {
        var pool = DataSources.staffPool(TestDatabase.get().settings(login, DemoLogins.PASSWORD), "test-" + login);
        this.session = new Session(login, login, role, "test database", pool, JdbiFactory.create(pool), pool::close);
    }

    public static AdminSession open() {
        return new AdminSession("demo_admin", Role.ADMIN);
    }

    public static AdminSession open(String login, Role role) {
        return new AdminSession(login, role);
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}
