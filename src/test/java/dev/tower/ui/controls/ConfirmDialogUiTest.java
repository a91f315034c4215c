package dev.tower.ui.controls;

import atlantafx.base.theme.PrimerLight;
import dev.tower.testing.Screenshots;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.ScreenState;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's confirmation dialog on AtlantaFX's modal pane: typed word gates the button, Cancel runs nothing. */
@ExtendWith(ApplicationExtension.class)
class ConfirmDialogUiTest {
    private final Confirmations confirmations = new Confirmations();
    private final AtomicInteger disabled = new AtomicInteger();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ScreenState state = new ScreenState(new SyncTaskExecutor());
        ScreenFrame frame = new ScreenFrame("demo", "Demo screen", state, new Label("content"));
        frame.confirmations(confirmations);
        Scene scene = new Scene(frame, 800, 500);
        scene.getStylesheets().add(getClass().getResource("/dev/tower/ui/tower.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void askToDisable() {
        WaitForAsyncUtils.asyncFx(() -> confirmations.ask(Confirmation.typed("Disable demo_ops?",
                "demo_ops can no longer sign in, and their open sessions end. You can enable the login again later.",
                "Disable", "demo_ops", disabled::incrementAndGet)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typedWordGatesTheDestructiveButton(FxRobot robot) throws Exception {
        askToDisable();
        Button ok = robot.lookup("#demoConfirmOk").queryButton();
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#demoConfirmTyped").write("demo_ops");
        assertThat(ok.isDisabled()).isFalse();
        Screenshots.save(stage, "kit-confirm-dialog.png");
        robot.clickOn("#demoConfirmOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(disabled).hasValue(1);
        assertThat(confirmations.pending()).isNull();
    }

    @Test
    void cancelRunsNothing(FxRobot robot) {
        askToDisable();
        robot.clickOn("#demoConfirmCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(disabled).hasValue(0);
        assertThat(confirmations.pending()).isNull();
    }
}
