package dev.tower.archfixtures;

import dev.tower.security.Session;

import java.util.List;

/** A stand-in service for the rule fixtures (never run). It also breaks the permission-first rule. */
public final class FixtureService {
    private final Session session;

    public FixtureService(Session session) {
        this.session = session;
    }

    public List<String> list() {
        return List.of(session.login()); // no AccessGuard.require first: the rule must say so
    }
}
