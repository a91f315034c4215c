package dev.tower.ui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Test executor that holds tasks until the test says {@link #runAll()}, so a test can look at the
 * state while work is "in flight" (busy flags, disabled commands). Same outcome handling as the others.
 */
public final class ManualTaskExecutor implements TaskExecutor {
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        outcomes.started(task);
        pending.add(() -> {
            T result;
            try {
                result = task.work().call();
            } catch (Exception e) {
                outcomes.failed(task, e);
                return;
            }
            outcomes.succeeded(task, result);
        });
    }

    public int pendingCount() {
        return pending.size();
    }

    public void runNext() {
        pending.poll().run();
    }

    public void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    @Override
    public void close() {
        pending.clear();
    }
}
