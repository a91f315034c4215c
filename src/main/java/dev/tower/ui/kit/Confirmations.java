package dev.tower.ui.kit;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The pending question of one screen, if any. The ViewModel calls {@link #ask}; the view watches
 * {@link #pendingProperty} and shows a dialog, then calls {@link #confirm} or {@link #dismiss}.
 * Tests answer it directly, without a toolkit.
 */
public final class Confirmations {
    private final ReadOnlyObjectWrapper<Confirmation> pending = new ReadOnlyObjectWrapper<>(this, "pending");

    public void ask(Confirmation question) {
        pending.set(question);
    }

    /** Runs the pending action if {@code typed} matches; returns whether it ran. */
    public boolean confirm(String typed) {
        Confirmation q = pending.get();
        if (q == null || !q.accepts(typed)) {
            return false;
        }
        pending.set(null);
        q.onConfirm().run();
        return true;
    }

    public boolean confirm() {
        return confirm(null);
    }

    public void dismiss() {
        pending.set(null);
    }

    public ReadOnlyObjectProperty<Confirmation> pendingProperty() { return pending.getReadOnlyProperty(); }

    public Confirmation pending() { return pending.get(); }
}
