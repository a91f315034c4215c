package dev.tower.ui.kit;

import dev.tower.ui.WriteGate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;

/**
 * An action a screen offers, with {@link #executable} bound to "the role may (permission) ∧ the input
 * is valid ∧ nothing is running". The view binds its button's {@code disable} to {@code executable.not()}
 * and its label to {@link #label}; {@link #execute} re-checks, so a keyboard shortcut cannot bypass it.
 * Commands made by {@link #of} change data, so they are also off while {@link WriteGate#writable()} is
 * false (database lost, schema read-only); {@link #reading} ones need only the database online (both
 * follow the gate they are given: a screen's {@link ScreenState#gate()}, the window's).
 */
public final class Command {
    private static final ObservableBooleanValue ALWAYS = new javafx.beans.property.ReadOnlyBooleanWrapper(true);

    private final String label;
    private final BooleanBinding executable;
    private final Runnable action;

    private Command(String label, BooleanBinding executable, Runnable action) {
        this.label = Objects.requireNonNull(label);
        this.executable = executable;
        this.action = Objects.requireNonNull(action);
    }

    /**
     * @param permitted the session's permission for this action (a constant for a given session, but
     *                  still a value so role-dependent screens compose)
     */
    public static Command of(WriteGate gate, String label, ObservableBooleanValue permitted,
                             ObservableBooleanValue valid, ObservableBooleanValue busy, Runnable action) {
        return gated(label, permitted, valid, busy, gate.writable(), action);
    }

    /** A command that only reads (search, reload): off while the database is unreachable, not when read-only. */
    public static Command reading(WriteGate gate, String label, ObservableBooleanValue permitted,
                                  ObservableBooleanValue valid, ObservableBooleanValue busy, Runnable action) {
        return gated(label, permitted, valid, busy, gate.online(), action);
    }

    /**
     * A command that touches no database (the sign-in screen's saved profiles): only its input and the
     * screen's own work gate it, so it stays usable before any session exists.
     */
    public static Command local(String label, ObservableBooleanValue valid, ObservableBooleanValue busy, Runnable action) {
        return gated(label, ALWAYS, valid, busy, ALWAYS, action);
    }

    private static Command gated(String label, ObservableBooleanValue permitted, ObservableBooleanValue valid,
                                 ObservableBooleanValue busy, ObservableBooleanValue gate, Runnable action) {
        BooleanBinding executable = new BooleanBinding() {
            {
                bind(permitted, valid, busy, gate);
            }

            @Override
            protected boolean computeValue() {
                return permitted.get() && valid.get() && !busy.get() && gate.get();
            }
        };
        return new Command(label, executable, action);
    }

    /** Runs the action if executable; returns whether it ran. */
    public boolean execute() {
        if (!executable.get()) {
            return false;
        }
        action.run();
        return true;
    }

    public String label() { return label; }

    public BooleanBinding executable() { return executable; }

    public boolean isExecutable() { return executable.get(); }
}
