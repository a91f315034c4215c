package dev.tower.ui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Holds tasks until the test runs them, in any order: for proving latest-wins and cancel without
 * threads or timing. Same outcomes bookkeeping as the real executors.
 */
public final class ManualTaskExecutor implements TaskExecutor {
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private final WriteGate gate = new WriteGate();

    @Override
    public WriteGate gate() { return gate; }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(() -> outcomes.cancelled(task));
        outcomes.started(task);
        queued.add(() -> {
            T result;
            try {
                result = task.work().call(handle);
            } catch (Exception | Error e) {
                if (handle.settle()) {
                    outcomes.failed(task, e);
                }
                return;
            }
            if (handle.settle()) {
                outcomes.succeeded(task, result);
            }
        });
        return handle;
    }

    public int pendingCount() { return queued.size(); }

    /** Runs the task submitted first (the oldest). */
    public void runNext() { runOldest(); }

    /** Runs the task submitted last (the newest). */
    public void runNewest() { queued.removeLast().run(); }

    /** Runs the task submitted first (the oldest). */
    public void runOldest() { queued.removeFirst().run(); }

    public void runAll() {
        while (!queued.isEmpty()) {
            runOldest();
        }
    }

    @Override
    public void close() {
        queued.clear();
    }
}
