package dev.tower.ui;

/**
 * Runs each task at once on the calling thread: ViewModel tests see the outcome as soon as
 * {@code execute} returns, with no toolkit and no waiting. Same classification and logging as the app.
 */
public final class SyncTaskExecutor implements TaskExecutor {
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final WriteGate gate;

    /** With a gate of its own, open. */
    public SyncTaskExecutor() {
        this(new WriteGate());
    }

    public SyncTaskExecutor(WriteGate gate) {
        this.gate = java.util.Objects.requireNonNull(gate, "gate");
    }

    @Override
    public WriteGate gate() { return gate; }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(() -> outcomes.cancelled(task));
        outcomes.started(task);
        T result;
        try {
            result = task.work().call(handle);
        } catch (Exception | Error e) {
            if (handle.settle()) {
                outcomes.failed(task, e);
            }
            return handle;
        }
        if (handle.settle()) {
            handle.report(1);
            outcomes.succeeded(task, result);
        }
        return handle;
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
