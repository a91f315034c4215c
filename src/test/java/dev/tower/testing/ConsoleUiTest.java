package dev.tower.testing;

import dev.tower.app.AppConfig;
import dev.tower.app.CompositionRoot;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Base of the headless tests that drive the whole console: the real composition root in a real stage,
 * against the shared test database, starting at the sign-in screen. Nodes are found by id, as people
 * would find them by their label.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleUiTest {
    private static final long WAIT_SECONDS = 20;

    protected CompositionRoot root;
    protected Stage stage;

    // a @BeforeEach rather than TestFX's @Start, which it only looks for on the test class itself
    @BeforeEach
    void startConsole() throws Exception {
        String jdbcUrl = TestDatabase.get().jdbcUrl();
        stage = FxToolkit.registerPrimaryStage();
        // each console test starts with no saved profiles, and never reads or writes the user's own
        java.nio.file.Path profiles = java.nio.file.Files.createTempDirectory("tower-ui").resolve("profiles.properties");
        FxToolkit.setupFixture(() -> {
            root = new CompositionRoot(new AppConfig(jdbcUrl, true).withProfiles(profiles));
            root.start(stage);
            // the primary stage is shared by every UI test in the JVM and a shown stage keeps the size an
            // earlier test left it at (a smaller one puts the Staff form's Cancel below the fold): always
            // start at the default window, the scene's 1180x760
            stage.sizeToScene();
        });
    }

    @AfterEach
    void stopConsole() throws Exception {
        WaitForAsyncUtils.asyncFx(root::stop).get(10, TimeUnit.SECONDS);
    }

    /** The window every console test runs in: the default size of {@code CompositionRoot}'s scene. */
    public static final double DEFAULT_WIDTH = 1180;
    public static final double DEFAULT_HEIGHT = 760;

    /** Types the login and password and presses Sign in; does not wait for the outcome. */
    protected static void typeCredentials(FxRobot robot, String login, String password) {
        robot.clickOn("#loginField").write(login);
        robot.clickOn("#passwordField").write(password);
        robot.clickOn("#signInButton");
    }

    /** Signs in with a demo login and waits for the console shell. */
    protected static void signInAsDemo(FxRobot robot, String login) throws Exception {
        typeCredentials(robot, login, dev.tower.demo.DemoLogins.PASSWORD);
        waitFor(robot, "#shellRoot");
    }

    protected static void waitFor(FxRobot robot, String query) throws Exception {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent());
    }

    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    protected static void replaceText(FxRobot robot, String field, String text) {
        int length = ((TextField) robot.lookup(field).query()).getText().length();
        robot.clickOn(field).push(KeyCode.END).eraseText(length).write(text);
    }

    protected void screenshot(String name) throws Exception {
        Screenshots.save(stage, name);
    }
}
