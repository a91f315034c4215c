package dev.tower.ui;

/**
 * Runs each task at once on the calling thread: ViewModel tests see the outcome as soon as
 * {@code execute} returns, with no toolkit and no waiting. Same classification and logging as the app.
 */
public final class SyncTaskExecutor implements TaskExecutor {
    private final TaskOutcomes outcomes = new TaskOutcomes();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        outcomes.started(task);
        T result;
        try {
            result = task.work().call();
        } catch (Exception | Error e) {
            outcomes.failed(task, e);
            return;
        }
        outcomes.succeeded(task, result);
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
