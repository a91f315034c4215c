package dev.tower.ui;

/**
 * Runs blocking work (JDBC, files) off the UI thread and delivers the outcome back on it. ViewModels
 * take one in their constructor: {@link FxTaskExecutor} in the app, {@link SyncTaskExecutor} in tests.
 *
 * <p>Contract for both: {@link #execute} is called on the UI thread; the task's busy flag is true from
 * then until just before its success or failure handler runs (on the UI thread); failures arrive
 * classified as a {@link dev.tower.error.TowerException} and have already been logged once.
 *
 * <p>It also carries the window's {@link WriteGate}: the executor is what every screen's work goes through,
 * so each screen's commands follow the gate of the window they run in without a global to look it up.
 */
public interface TaskExecutor extends AutoCloseable {
    /**
     * @return the task's handle: progress, and cancel (which drops the outcome and clears busy)
     */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Whether the database takes work now: the gate every command of a screen on this executor follows. */
    WriteGate gate();

    /** Stops accepting work; running work is interrupted. */
    @Override
    void close();
}
