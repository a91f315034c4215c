package dev.tower.ui.controls;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.PrimerLight;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.ScreenState;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's keyset table over a list of numbers read three at a time: the placeholder when nothing
 * matches, "Load more" appending the next page and vanishing at the end, the keyboard reaching the last
 * row loading the next page; and a toast appearing in its host and closing on its close button.
 */
@ExtendWith(ApplicationExtension.class)
class KeysetTableUiTest {
    private static final int PAGE = 3;
    private final AtomicInteger total = new AtomicInteger(7);
    private final AtomicInteger reads = new AtomicInteger();
    private KeysetList<String, Integer, Integer> list;
    private StackPane host;
    private Stage stage;

    // its own window, not TestFX's primary stage: the console UI tests reuse that one at 1180×760
    @Start
    void start(Stage primary) {
        stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ScreenState state = new ScreenState(new SyncTaskExecutor());
        list = new KeysetList<>(state, "numbers", PAGE, "", (filter, after, limit) -> {
            reads.incrementAndGet();
            int from = after == null ? 1 : after + 1;
            return IntStream.rangeClosed(from, total.get()).limit(limit).boxed().toList();
        }, n -> n);
        KeysetTable<Integer> table = new KeysetTable<>("numbers", list, state, "No numbers match.");
        table.table().getColumns().setAll(List.of(Tables.<Integer>textColumn("Number", 100, 100, String::valueOf)));
        host = new StackPane(table);
        Scene scene = new Scene(host, 600, 400);
        scene.getStylesheets().add(getClass().getResource("/dev/tower/ui/tower.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
    }

    private void reload() {
        WaitForAsyncUtils.asyncFx(list::reload);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<Integer> table(FxRobot robot) {
        return robot.lookup("#numbers").queryTableView();
    }

    @Test
    void anEmptyListShowsThePlaceholderAndNoLoadMore(FxRobot robot) {
        total.set(0);
        reload();
        TableView<Integer> table = table(robot);
        assertThat(table.getItems()).isEmpty();
        assertThat(((Label) table.getPlaceholder()).getText()).isEqualTo("No numbers match.");
        assertThat(table.getPlaceholder().isVisible()).isTrue();
        assertThat(robot.lookup("#numbersLoadMore").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#numbersSummary").queryLabeled().getText()).isEqualTo("No numbers match.");
    }

    @Test
    void loadMoreAppendsPagesUntilTheEnd(FxRobot robot) {
        reload();
        assertThat(table(robot).getItems()).containsExactly(1, 2, 3);
        assertThat(robot.lookup("#numbersSummary").queryLabeled().getText()).contains("more available");
        Button more = robot.lookup("#numbersLoadMore").queryButton();
        assertThat(more.isVisible()).isTrue();

        robot.clickOn("#numbersLoadMore");
        assertThat(table(robot).getItems()).containsExactly(1, 2, 3, 4, 5, 6);
        robot.clickOn("#numbersLoadMore");
        assertThat(table(robot).getItems()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(more.isVisible()).isFalse();
        assertThat(robot.lookup("#numbersSummary").queryLabeled().getText()).isEqualTo("Showing 7 numbers");
    }

    @Test
    void movingOntoTheLastRowWithTheKeyboardLoadsTheNextPage(FxRobot robot) {
        reload();
        int readsBefore = reads.get();
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.DOWN, 2); // row 3 of 3: the end of what is shown
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reads.get()).isEqualTo(readsBefore + 1);
        assertThat(table(robot).getItems()).containsExactly(1, 2, 3, 4, 5, 6);

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        int readsAtEnd = reads.get();
        robot.type(KeyCode.END); // nothing more to read: no further query
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reads.get()).isEqualTo(readsAtEnd);
    }

    @Test
    void aToastShowsInItsHostAndClosesOnItsButton(FxRobot robot) throws Exception {
        Notification toast = WaitForAsyncUtils.asyncFx(() -> Toasts.show(host, "Checkpoint saved.")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(host.getChildren()).contains(toast);
        assertThat(toast.getMessage()).isEqualTo("Checkpoint saved.");

        WaitForAsyncUtils.asyncFx(() -> toast.getOnClose().handle(null)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(host.getChildren()).doesNotContain(toast);
    }
}
