package dev.tower.ui;

import dev.tower.error.ErrorClassifier;
import dev.tower.error.TowerException;
import javafx.beans.property.BooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What both executors do around the work itself: count running tasks per busy flag (two tasks may
 * share one), classify failures, and log each failure exactly once. Confined to the UI thread.
 */
final class TaskOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private final Map<BooleanProperty, Integer> running = new IdentityHashMap<>();

    void started(BackgroundTask<?> task) {
        BooleanProperty busy = task.busy();
        running.merge(busy, 1, Integer::sum);
        busy.set(true);
    }

    <T> void succeeded(BackgroundTask<T> task, T result) {
        finished(task);
        task.successHandler().accept(result);
    }

    void failed(BackgroundTask<?> task, Throwable failure) {
        TowerException typed = ErrorClassifier.classify(failure);
        if (typed.expected()) {
            LOG.info("{} failed: {}", task.description(), typed.getMessage());
        } else {
            LOG.warn("{} failed", task.description(), failure);
        }
        finished(task);
        task.failureHandler().accept(typed);
    }

    /** A cancelled task counts as finished at once; its late outcome is dropped by the executor. */
    void cancelled(BackgroundTask<?> task) {
        LOG.info("{} cancelled", task.description());
        finished(task);
    }

    private void finished(BackgroundTask<?> task) {
        BooleanProperty busy = task.busy();
        Integer left = running.merge(busy, -1, Integer::sum);
        if (left == null || left <= 0) {
            running.remove(busy);
            busy.set(false);
        }
    }
}
