package dev.tower.ui.kit;

import dev.tower.error.ValidationException;
import dev.tower.ui.ManualTaskExecutor;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.TaskHandle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenStateTest {
    @Test
    void aSlowOldResultNeverOverwritesANewOne() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ScreenState state = new ScreenState(executor);
        List<String> shown = new ArrayList<>();

        state.run("search", "Searching old", () -> "old", shown::add);
        state.run("search", "Searching new", () -> "new", shown::add);
        executor.runNewest();
        executor.runOldest();

        assertThat(shown).containsExactly("new");
        assertThat(state.isBusy()).isFalse();
    }

    @Test
    void tasksInDifferentLanesBothDeliver() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ScreenState state = new ScreenState(executor);
        List<String> shown = new ArrayList<>();

        state.run("a", "A", () -> "a", shown::add);
        state.run("b", "B", () -> "b", shown::add);
        executor.runAll();

        assertThat(shown).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void cancelDropsTheResultAndClearsBusy() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ScreenState state = new ScreenState(executor);
        List<String> shown = new ArrayList<>();

        TaskHandle handle = state.run("Exporting", () -> "done", shown::add);
        assertThat(state.isBusy()).isTrue();
        assertThat(state.busyMessageProperty().get()).isEqualTo("Exporting");
        state.cancel();
        executor.runAll();

        assertThat(handle.cancelled()).isTrue();
        assertThat(shown).isEmpty();
        assertThat(state.isBusy()).isFalse();
    }

    @Test
    void workReportsProgressAndSeesCancellation() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        ScreenState state = new ScreenState(executor);
        List<Boolean> sawCancel = new ArrayList<>();

        state.run("main", "Long", progress -> {
            progress.report(0.5);
            sawCancel.add(progress.cancelled());
            return 1;
        }, r -> { }, state::fail);
        executor.runAll();

        assertThat(sawCancel).containsExactly(false);
        assertThat(state.progressProperty().get()).isEqualTo(0.5);
    }

    @Test
    void failureShowsInBannerAndTheNextActionClearsIt() {
        ScreenState state = new ScreenState(new SyncTaskExecutor());
        state.run("Saving", () -> { throw new ValidationException("bad", "That is wrong."); }, r -> { });
        assertThat(state.error().text()).isEqualTo("That is wrong.");

        state.run("Saving again", () -> "ok", r -> state.notice("Saved."));
        assertThat(state.error()).isNull();
        assertThat(state.notice()).isEqualTo("Saved.");

        state.left();
        assertThat(state.notice()).isEmpty();
    }
}
