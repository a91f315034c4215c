package dev.tower.signin;

import dev.tower.security.Role;
import dev.tower.testing.Screenshots;
import dev.tower.testing.TestSessions;
import dev.tower.ui.ManualTaskExecutor;
import dev.tower.ui.Themes;
import dev.tower.testing.ConsoleUiTest;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in view alone, with work held back, to see what people see while they wait. */
@ExtendWith(ApplicationExtension.class)
class SignInViewUiTest {
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final List<SignInRequest> requests = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.apply(false);
        SignInViewModel vm = new SignInViewModel(r -> {
            requests.add(r);
            return TestSessions.offline(Role.OPS);
        }, executor, "jdbc:postgresql://localhost:5999/postgres", null, s -> { });
        Scene scene = new Scene(new SignInView(vm), ConsoleUiTest.DEFAULT_WIDTH, ConsoleUiTest.DEFAULT_HEIGHT);
        Themes.style(scene);
        stage.setScene(scene);
        stage.sizeToScene(); // the shared primary stage: leave it at the default window for the next test
        stage.show();
    }

    @Test
    void progressShowsWhileSigningInAndTheButtonIsOff(FxRobot robot) throws Exception {
        robot.clickOn("#loginField").write("demo_ops");
        robot.clickOn("#passwordField").write("demo");
        assertThat(robot.lookup("#signInButton").query().isDisabled()).isFalse();
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInProgress").query().isVisible()).isTrue();
        assertThat(robot.lookup("#signInButton").query().isDisabled()).isTrue();
        Screenshots.save(stage, "sign-in-busy.png");
        WaitForAsyncUtils.asyncFx(executor::runAll).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInProgress").query().isVisible()).isFalse();
        assertThat(requests).hasSize(1);
    }

    @Test
    void theAddressFieldIsUsableOnlyForAnotherDatabase(FxRobot robot) {
        TextField url = robot.lookup("#databaseUrlField").queryAs(TextField.class);
        assertThat(url.isDisabled()).isTrue();
        robot.clickOn("#addressDatabaseChoice");
        assertThat(url.isDisabled()).isFalse();
        robot.clickOn("#loginField").write("ops");
        robot.clickOn("#passwordField").write("pw");
        assertThat(robot.lookup("#signInButton").query().isDisabled()).as("no address yet").isTrue();
        robot.clickOn("#databaseUrlField").write("postgresql://db.example.com/tower");
        assertThat(robot.lookup("#signInButton").query().isDisabled()).isFalse();
        robot.clickOn("#embeddedDatabaseChoice");
        assertThat(url.isDisabled()).isTrue();
    }
}
