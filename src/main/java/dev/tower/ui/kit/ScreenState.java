package dev.tower.ui.kit;

import dev.tower.error.ErrorText;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.ui.BackgroundTask;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.WriteGate;
import dev.tower.ui.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What every screen shows around its content, in one place: busy (with what is happening and how far),
 * the last error, and a notice of what just succeeded. A ViewModel owns one and runs all its work
 * through {@link #run}; the screen frame ({@code ui.controls.ScreenFrame}) renders it.
 *
 * <p>Rules it enforces so screens need not: a new action clears the previous notice and error; leaving
 * the screen ({@link #left}) clears them too; tasks run in named <em>lanes</em> and only the latest task
 * of a lane delivers its result, so a slow old search never overwrites a newer one; the running task
 * can be cancelled. Confined to the UI thread.
 */
public final class ScreenState {
    private final TaskExecutor executor;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Map<String, Long> latestInLane = new HashMap<>();
    private final Map<String, TaskHandle> runningInLane = new HashMap<>();
    private TaskHandle current = TaskHandle.done();
    private long sequence;

    public ScreenState(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The window's gate, which this screen's commands follow ({@link Command#of}, {@link Command#reading}). */
    public WriteGate gate() { return executor.gate(); }

    /** Runs {@code work} in the default lane. See {@link #run(String, String, BackgroundTask.ProgressWork, Consumer, Consumer)}. */
    public <T> TaskHandle run(String description, Callable<T> work, Consumer<? super T> onSuccess) {
        return run("main", description, progress -> work.call(), onSuccess, this::fail);
    }

    /** Runs {@code work} in {@code lane}; a later task in the same lane supersedes (and cancels) this one. */
    public <T> TaskHandle run(String lane, String description, Callable<T> work, Consumer<? super T> onSuccess) {
        return run(lane, description, progress -> work.call(), onSuccess, this::fail);
    }

    /**
     * @param description what is happening, shown beside the progress ("Loading staff…") and logged
     * @param onFailure   gets the typed failure; pass {@code state::fail} to show it in the banner
     */
    public <T> TaskHandle run(String lane, String description, BackgroundTask.ProgressWork<T> work,
                              Consumer<? super T> onSuccess, Consumer<? super TowerException> onFailure) {
        Objects.requireNonNull(lane, "lane");
        clearMessages();
        long mine = ++sequence;
        latestInLane.put(lane, mine);
        TaskHandle previous = runningInLane.remove(lane);
        if (previous != null) {
            previous.cancel();
        }
        busyMessage.set(description);
        BackgroundTask<T> task = BackgroundTask.<T>withProgress(description, busy, work)
                .onSuccess(result -> {
                    if (isLatest(lane, mine)) {
                        runningInLane.remove(lane);
                        onSuccess.accept(result);
                    }
                })
                .onFailure(failure -> {
                    if (isLatest(lane, mine)) {
                        runningInLane.remove(lane);
                        onFailure.accept(failure);
                    }
                });
        TaskHandle handle = executor.execute(task);
        if (isLatest(lane, mine) && !handle.cancelled() && busy.get()) {
            runningInLane.put(lane, handle);
            current = handle;
            progress.unbind();
            progress.bind(handle.progressProperty());
        }
        return handle;
    }

    private boolean isLatest(String lane, long mine) {
        return latestInLane.getOrDefault(lane, -1L) == mine;
    }

    /** Cancels what is running (the busy overlay's Cancel button); its result, if any, is dropped. */
    public void cancel() {
        runningInLane.values().forEach(TaskHandle::cancel);
        runningInLane.clear();
        latestInLane.replaceAll((lane, seq) -> -1L);
        current.cancel();
        notice.set("Cancelled.");
    }

    /** Shows a failure in the error banner. */
    public void fail(TowerException failure) {
        error.set(ErrorText.describe(failure));
    }

    public void fail(UserMessage message) {
        error.set(message);
    }

    /** Says what just succeeded; cleared by the next action or by leaving the screen. */
    public void notice(String text) {
        notice.set(text == null ? "" : text);
    }

    /** The user started something new (or the screen was shown): earlier messages no longer apply. */
    public void clearMessages() {
        error.set(null);
        notice.set("");
    }

    /** The screen was left: nothing it said stays for the next visit. */
    public void left() {
        clearMessages();
    }

    public void dismissError() {
        error.set(null);
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /** The flag tasks share; for bindings that must also know about busy (commands). */
    public BooleanProperty busyFlag() { return busy; }

    public boolean isBusy() { return busy.get(); }

    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    /** 0..1, or -1 while the running task has not said how far it is. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return error.getReadOnlyProperty(); }

    public UserMessage error() { return error.get(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    public String notice() { return notice.get(); }

}
