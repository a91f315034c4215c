package dev.tower.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One submitted task, as the caller sees it: its progress (0..1, or -1 while unknown) and a way to
 * cancel it. A cancelled task's success and failure handlers never run; its busy flag is cleared at once.
 * Confined to the UI thread except {@link #report} and {@link #cancelled}, which the work may call.
 */
public final class TaskHandle implements TaskProgress {
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile boolean cancelled;
    private final Runnable onCancel;
    private volatile Future<?> running;
    private volatile java.util.function.DoubleConsumer progressSink;

    TaskHandle(Runnable onCancel) {
        this.onCancel = onCancel;
        this.progressSink = progress::set;
    }

    /** A handle for work that already finished (or never ran): cancel does nothing. */
    public static TaskHandle done() {
        TaskHandle h = new TaskHandle(() -> { });
        h.progress.set(1);
        return h;
    }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** Asks the work to stop (interrupting its thread) and drops its outcome. Safe to call twice. */
    public void cancel() {
        if (settled.compareAndSet(false, true)) {
            cancelled = true;
            Future<?> f = running;
            if (f != null) {
                f.cancel(true);
            }
            onCancel.run();
        }
    }

    @Override
    public boolean cancelled() { return cancelled; }

    /** True once, for whichever comes first: the outcome (then this returns true) or a cancel. */
    boolean settle() { return settled.compareAndSet(false, true); }

    @Override
    public void report(double fraction) {
        progressSink.accept(Math.max(0, Math.min(1, fraction)));
    }

    void running(Future<?> future) { this.running = future; }

    /** Lets the app executor hop progress updates onto the FX thread. */
    void progressSink(java.util.function.DoubleConsumer sink) { this.progressSink = sink; }

    void setProgressNow(double value) { progress.set(value); }
}
