package dev.tower.ui;

import dev.tower.error.NotFoundException;
import dev.tower.error.TowerException;
import dev.tower.error.UnexpectedException;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SyncTaskExecutorTest {
    @Test
    void busyDuringWorkAndClearedBeforeTheHandlerRuns() {
        var busy = new SimpleBooleanProperty();
        List<String> seen = new ArrayList<>();
        new SyncTaskExecutor().execute(BackgroundTask.of("t", busy, () -> {
            seen.add("working busy=" + busy.get());
            return 42;
        }).onSuccess(n -> seen.add("result " + n + " busy=" + busy.get())));
        assertThat(seen).containsExactly("working busy=true", "result 42 busy=false");
    }

    @Test
    void failuresArriveClassified() {
        AtomicReference<TowerException> failure = new AtomicReference<>();
        var executor = new SyncTaskExecutor();
        executor.execute(BackgroundTask.of("t", new SimpleBooleanProperty(), () -> {
            throw new IllegalStateException("bug");
        }).onFailure(failure::set));
        assertThat(failure.get()).isInstanceOf(UnexpectedException.class);
        executor.execute(BackgroundTask.ofAction("t", new SimpleBooleanProperty(), () -> {
            throw new NotFoundException("Booking 7");
        }).onFailure(failure::set));
        assertThat(failure.get()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sharedBusyFlagStaysOnUntilTheLastTaskEnds() {
        var busy = new SimpleBooleanProperty();
        var executor = new ManualTaskExecutor();
        executor.execute(BackgroundTask.of("a", busy, () -> 1));
        executor.execute(BackgroundTask.of("b", busy, () -> 2));
        assertThat(busy.get()).isTrue();
        executor.runNext();
        assertThat(busy.get()).as("b still running").isTrue();
        executor.runNext();
        assertThat(busy.get()).isFalse();
    }
}
