package dev.tower.ui;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Subscription;

import java.util.function.Consumer;

/**
 * Whether the signed-in session may change anything right now: the database answers ({@link #online})
 * and its schema is one this build may write to ({@link #schemaWritable}). Every command that writes
 * ({@code dev.tower.ui.kit.Command#of}) is disabled while {@link #writable} is false, so no screen has to
 * remember it; read commands only need the database online.
 *
 * <p>One per window: the composition root makes it, sets it (connection monitor, on-connect schema check)
 * on the FX thread, and hands it to the window's {@link TaskExecutor}, through which every screen's
 * {@code ScreenState} reaches it, and to each shell, which watches it through {@link #watchOnline} and ends
 * that watch when it closes, so a closed shell (and the session it holds) is not kept alive by the gate.
 * Tests make gates of their own (each {@link SyncTaskExecutor} has one).
 */
public final class WriteGate {
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);
    private final ReadOnlyBooleanWrapper schemaWritable = new ReadOnlyBooleanWrapper(this, "schemaWritable", true);
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "reason", "");
    private final BooleanBinding writable = online.and(schemaWritable);
    private int watchers;

    public WriteGate() {}

    public ReadOnlyBooleanProperty online() { return online.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty schemaWritable() { return schemaWritable.getReadOnlyProperty(); }

    /** online ∧ schema writable. */
    public BooleanBinding writable() { return writable; }

    /** Why the session is read-only because of its schema, in plain words ("" when it is not). */
    public ReadOnlyStringProperty readOnlyReason() { return readOnlyReason.getReadOnlyProperty(); }

    public void setOnline(boolean value) {
        online.set(value);
    }

    /** @param reason shown in the shell's banner; null or blank makes the session writable again */
    public void setSchemaReadOnly(String reason) {
        boolean readOnly = reason != null && !reason.isBlank();
        readOnlyReason.set(readOnly ? reason : "");
        schemaWritable.set(!readOnly);
    }

    /** Back to a fresh session's state (sign-out, tests). */
    public void reset() {
        setOnline(true);
        setSchemaReadOnly(null);
    }

    /**
     * Tells {@code onChange} each change of {@link #online} until the returned subscription is ended; the
     * watcher holds a strong reference, so whoever watches must end it (a shell, when it closes).
     */
    public Subscription watchOnline(Consumer<Boolean> onChange) {
        Subscription watch = online.subscribe((was, now) -> onChange.accept(now));
        watchers++;
        boolean[] ended = {false};
        return () -> {
            if (!ended[0]) {
                ended[0] = true;
                watchers--;
                watch.unsubscribe();
            }
        };
    }

    /** How many watches are open: one per open shell. */
    public int watcherCount() { return watchers; }
}
