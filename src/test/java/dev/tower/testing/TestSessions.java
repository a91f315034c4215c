package dev.tower.testing;

import dev.tower.security.Role;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.concurrent.atomic.AtomicInteger;

/** Sessions for tests that never touch the database (ViewModels, guards): nothing connects until used. */
public final class TestSessions {
    private TestSessions() {}

    public static Session offline(Role role) {
        return offline(role, new AtomicInteger());
    }

    /** @param closes counts how often the session's connections were closed */
    public static Session offline(Role role, AtomicInteger closes) {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://localhost:1/none");
        String login = "test_" + role.name().toLowerCase();
        return new Session(login, "Test " + role.label(), role, "nowhere (test)", nowhere, Jdbi.create(nowhere),
                closes::incrementAndGet);
    }
}
