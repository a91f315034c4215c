package dev.tower.archfixtures;

import java.util.List;

/** Violation 2: a ViewModel calling a service synchronously, on the caller's (FX) thread. */
public final class SynchronousViewModel {
    private final FixtureService service;

    public SynchronousViewModel(FixtureService service) {
        this.service = service;
    }

    public List<String> load() {
        return service.list();
    }
}
