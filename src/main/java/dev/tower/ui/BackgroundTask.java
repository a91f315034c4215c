package dev.tower.ui;

import dev.tower.error.TowerException;
import javafx.beans.property.BooleanProperty;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work a ViewModel hands to a {@link TaskExecutor}: a blocking call (usually a service method), what
 * to do with its result or typed failure on the UI thread, and the busy flag the view shows progress
 * for. The busy flag is required so that no wait can go without a progress indicator.
 */
public final class BackgroundTask<T> {
    private final String description;
    private final BooleanProperty busy;
    private final ProgressWork<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super TowerException> onFailure = failure -> { };

    /** Work that can report progress and notice cancellation. */
    @FunctionalInterface
    public interface ProgressWork<T> {
        T call(TaskProgress progress) throws Exception;
    }

    private BackgroundTask(String description, BooleanProperty busy, ProgressWork<T> work) {
        this.description = Objects.requireNonNull(description, "description");
        this.busy = Objects.requireNonNull(busy, "busy");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** @param description what is happening, for the log ("Signing in as demo_ops") */
    public static <T> BackgroundTask<T> of(String description, BooleanProperty busy, Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(description, busy, progress -> work.call());
    }

    /** Long work that reports progress ({@link TaskProgress#report}) and checks for cancellation. */
    public static <T> BackgroundTask<T> withProgress(String description, BooleanProperty busy, ProgressWork<T> work) {
        return new BackgroundTask<>(description, busy, work);
    }

    public static BackgroundTask<Void> ofAction(String description, BooleanProperty busy, Runnable work) {
        return new BackgroundTask<>(description, busy, progress -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super TowerException> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public String description() { return description; }

    BooleanProperty busy() { return busy; }

    ProgressWork<T> work() { return work; }

    Consumer<? super T> successHandler() { return onSuccess; }

    Consumer<? super TowerException> failureHandler() { return onFailure; }
}
