package dev.tower.ui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's executor: a few daemon worker threads (a staff pool has at most four connections, so more
 * threads would only queue on it) and {@link Platform#runLater} to come back to the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final int WORKERS = 3;
    private final TaskOutcomes outcomes = new TaskOutcomes();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, new WorkerThreads());
    private final WriteGate gate;

    /** @param gate the window's gate (the composition root's) */
    public FxTaskExecutor(WriteGate gate) {
        this.gate = java.util.Objects.requireNonNull(gate, "gate");
    }

    @Override
    public WriteGate gate() { return gate; }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(() -> onFx(() -> outcomes.cancelled(task)));
        handle.progressSink(value -> Platform.runLater(() -> handle.setProgressNow(value)));
        onFx(() -> {
            if (handle.cancelled()) {
                return;
            }
            outcomes.started(task);
            handle.running(workers.submit(() -> {
                try {
                    T result = task.work().call(handle);
                    Platform.runLater(() -> {
                        if (handle.settle()) {
                            handle.setProgressNow(1);
                            outcomes.succeeded(task, result);
                        }
                    });
                } catch (Exception | Error e) {
                    Platform.runLater(() -> {
                        if (handle.settle()) {
                            outcomes.failed(task, e);
                        }
                    });
                }
            }));
        });
        return handle;
    }

    private static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread t = new Thread(work, "tower-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
