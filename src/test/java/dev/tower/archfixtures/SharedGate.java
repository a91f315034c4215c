package dev.tower.archfixtures;

import dev.tower.ui.WriteGate;

/** Violation: the window's gate as a global any ViewModel could look up (a service locator). */
public final class SharedGate {
    public static final WriteGate WINDOW = new WriteGate();

    private SharedGate() {}
}
