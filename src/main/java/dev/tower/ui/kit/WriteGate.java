package dev.tower.ui.kit;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the signed-in session may change anything right now: the database answers ({@link #online})
 * and its schema is one this build may write to ({@link #schemaWritable}). Every {@link Command} made by
 * {@link Command#of} is disabled while {@link #writable} is false, so no screen has to remember it; read
 * commands ({@link Command#reading}) only need the database online.
 *
 * <p>This is session-wide state held in one place on purpose: a desktop window has one session, and the
 * alternative — threading a property through the constructor of every ViewModel that makes a Command —
 * is exactly the per-screen bookkeeping that forgets one button. Only the composition root (connection
 * monitor, on-connect schema check) sets it, on the FX thread; it is reset at sign-out.
 */
public final class WriteGate {
    private static final ReadOnlyBooleanWrapper ONLINE = new ReadOnlyBooleanWrapper(WriteGate.class, "online", true);
    private static final ReadOnlyBooleanWrapper SCHEMA_WRITABLE =
            new ReadOnlyBooleanWrapper(WriteGate.class, "schemaWritable", true);
    private static final ReadOnlyStringWrapper READ_ONLY_REASON = new ReadOnlyStringWrapper(WriteGate.class, "reason", "");
    private static final BooleanBinding WRITABLE = ONLINE.and(SCHEMA_WRITABLE);

    private WriteGate() {}

    public static ReadOnlyBooleanProperty online() { return ONLINE.getReadOnlyProperty(); }

    public static ReadOnlyBooleanProperty schemaWritable() { return SCHEMA_WRITABLE.getReadOnlyProperty(); }

    /** online ∧ schema writable. */
    public static BooleanBinding writable() { return WRITABLE; }

    /** Why the session is read-only because of its schema, in plain words ("" when it is not). */
    public static ReadOnlyStringProperty readOnlyReason() { return READ_ONLY_REASON.getReadOnlyProperty(); }

    public static void setOnline(boolean online) {
        ONLINE.set(online);
    }

    /** @param reason shown in the shell's banner; null or blank makes the session writable again */
    public static void setSchemaReadOnly(String reason) {
        boolean readOnly = reason != null && !reason.isBlank();
        READ_ONLY_REASON.set(readOnly ? reason : "");
        SCHEMA_WRITABLE.set(!readOnly);
    }

    /** Back to a fresh session's state (sign-out, tests). */
    public static void reset() {
        setOnline(true);
        setSchemaReadOnly(null);
    }
}
