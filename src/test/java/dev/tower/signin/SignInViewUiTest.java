package dev.tower.signin;

import dev.tower.connection.ConnectionProfile;
import dev.tower.connection.MemoryKeyring;
import dev.tower.connection.ProfileService;
import dev.tower.connection.ProfileStore;
import dev.tower.security.Role;
import dev.tower.ui.SyncTaskExecutor;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in view alone, with work held back, to see what people see while they wait. */
@ExtendWith(ApplicationExtension.class)
class SignInViewUiTest {
    private final ManualTaskExecutor executor = new ManualTaskExecutor();
    private final List<SignInRequest> requests = new ArrayList<>();
    private static final ConnectionProfile PRODUCTION = new ConnectionProfile("Production", "db.example.com", 5433,
            "market", "alice", ConnectionProfile.TlsMode.VERIFY_FULL, "", "");
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Path profiles = Files.createTempDirectory("tower-sign-in").resolve("profiles.properties");
        new ProfileStore(profiles).save(List.of(PRODUCTION));
        this.stage = stage;
        Themes.apply(false);
        SignInViewModel vm = new SignInViewModel(r -> {
            requests.add(r);
            return TestSessions.offline(Role.OPS);
        }, executor, "jdbc:postgresql://localhost:5999/postgres", null, s -> { });
        ProfilePickerViewModel picker = new ProfilePickerViewModel(new ProfileService(new ProfileStore(profiles),
                new MemoryKeyring()), vm, new SyncTaskExecutor());
        Scene scene = new Scene(new SignInView(vm, picker), ConsoleUiTest.DEFAULT_WIDTH, ConsoleUiTest.DEFAULT_HEIGHT);
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

    @Test
    void pickingASavedProfileFillsTheAddressAndLoginAndAsksForThePassword(FxRobot robot) throws Exception {
        robot.clickOn("#profileChoice-Production");
        WaitForAsyncUtils.waitForFxEvents();
        TextField url = robot.lookup("#databaseUrlField").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo(PRODUCTION.jdbcUrl());
        assertThat(url.isDisabled()).as("the profile owns the address").isTrue();
        assertThat(robot.lookup("#loginField").queryAs(TextField.class).getText()).isEqualTo("alice");
        assertThat(robot.lookup("#passwordSource").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo(ProfilePickerViewModel.ASKED);
        assertThat(robot.lookup("#signInButton").query().isDisabled()).as("no password yet").isTrue();
        assertThat(robot.lookup("#editProfileButton").query().isDisabled()).isFalse();
        robot.clickOn("#passwordField").write("pw");
        Screenshots.save(stage, "sign-in-profiles.png");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.asyncFx(executor::runAll).get();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.databaseAddress()).isEqualTo(PRODUCTION.jdbcUrl());
            assertThat(r.login()).isEqualTo("alice");
            assertThat(r.embedded()).isFalse();
        });
    }

    @Test
    void theSupabasePresetExplainsThePoolerPortAndSavesANewChoice(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#editProfileButton").query().isDisabled()).as("embedded is no profile").isTrue();
        robot.clickOn("#supabaseProfileButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInButton").query().isVisible()).isFalse();
        assertThat(robot.lookup("#profileHint").queryAs(javafx.scene.control.Label.class).getText()).contains("6543");
        assertThat(robot.lookup("#profilePortField").queryAs(TextField.class).getText()).isEqualTo("5432");
        assertThat(robot.lookup("#saveProfileButton").query().isDisabled()).as("host and login missing").isTrue();
        Screenshots.save(stage, "sign-in-profile-editor.png");
        robot.clickOn("#profileHostField").write("aws-0-eu-central-1.pooler.supabase.com");
        robot.clickOn("#profileLoginField").write("postgres.abcd");
        robot.clickOn("#saveProfileButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileChoice-Supabase").tryQuery()).isPresent();
        assertThat(robot.lookup("#profileChoice-Supabase").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#databaseUrlField").queryAs(TextField.class).getText()).contains("sslmode=require");
    }
}
