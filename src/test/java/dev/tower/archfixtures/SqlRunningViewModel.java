package dev.tower.archfixtures;

import dev.tower.security.Session;

/** Violation 1: a ViewModel running SQL through session.jdbi(). */
public final class SqlRunningViewModel {
    private final Session session;

    public SqlRunningViewModel(Session session) {
        this.session = session;
    }

    public int count() {
        return session.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    }
}
