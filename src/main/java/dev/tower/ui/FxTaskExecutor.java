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

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> execute(task));
            return;
        }
        outcomes.started(task);
        workers.execute(() -> {
            try {
                T result = task.work().call();
                Platform.runLater(() -> outcomes.succeeded(task, result));
            } catch (Exception | Error e) {
                Platform.runLater(() -> outcomes.failed(task, e));
            }
        });
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
