package dev.tower.app;

import dev.tower.db.DemoLogins;
import dev.tower.security.Role;
import dev.tower.shell.Section;
import dev.tower.testing.Screenshots;
import dev.tower.testing.TestDatabase;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window, wired by the real composition root, against the real test database: sign in as
 * each demo role, check exactly which sidebar entries exist, open each, sign out. Saves screenshots
 * with {@link Screenshots} for people to look at.
 */
@ExtendWith(ApplicationExtension.class)
class SignInFlowUiTest {
    private static String jdbcUrl;

    private CompositionRoot root;
    private Stage stage;

    @BeforeAll
    static void database() {
        jdbcUrl = TestDatabase.get().jdbcUrl();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new CompositionRoot(new AppConfig(jdbcUrl, true));
        root.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(root::stop).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesExactlyItsSections(Role role, FxRobot robot) throws Exception {
        DemoLogins.DemoLogin demo = DemoLogins.ALL.stream()
                .filter(d -> d.group().equals(role.groupRole())).findFirst().orElseThrow();
        signIn(robot, demo.login(), DemoLogins.PASSWORD);
        waitFor(robot, "#shellRoot");

        Set<Section> expected = switch (role) {
            case ADMIN -> EnumSet.allOf(Section.class);
            case OPS -> EnumSet.of(Section.PROVIDERS, Section.AREAS, Section.BOOKINGS, Section.DISPUTES);
            case ANALYST -> EnumSet.of(Section.ANALYTICS);
        };
        for (Section section : Section.values()) {
            assertThat(robot.lookup("#nav-" + section.key()).tryQuery().isPresent())
                    .as(role + " sidebar entry " + section).isEqualTo(expected.contains(section));
        }
        assertThat(text(robot, "#currentUserName")).isEqualTo(demo.displayName());
        assertThat(text(robot, "#currentUserRole")).isEqualTo(role.label());
        assertThat(text(robot, "#currentDatabase")).isEqualTo("This computer (embedded)");

        screenshot("shell-" + role.name().toLowerCase() + ".png");
        for (Section section : Section.values()) {
            if (expected.contains(section)) {
                robot.clickOn("#nav-" + section.key());
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(text(robot, "#sectionTitle")).isEqualTo(section.title());
                assertThat(robot.lookup("#placeholder-" + section.key()).tryQuery()).as(section + " shown").isPresent();
            }
        }

        robot.clickOn("#signOutButton");
        waitFor(robot, "#signInRoot");
        assertThat(robot.lookup("#shellRoot").tryQuery()).isEmpty();
    }

    @Test
    void wrongPasswordShowsThePlainMessage(FxRobot robot) throws Exception {
        screenshot("sign-in.png");
        signIn(robot, "demo_ops", "not-the-password");
        waitFor(robot, "#signInErrorText");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signInError").query().isVisible());
        assertThat(text(robot, "#signInErrorText")).isEqualTo("Wrong login or password.");
        assertThat(robot.lookup("#shellRoot").tryQuery()).isEmpty();
        assertThat(robot.lookup("#signInButton").query().isDisabled()).as("password was cleared").isTrue();
        screenshot("sign-in-wrong-password.png");
        assertThat(robot.lookup("#signInErrorDetailsText").query().isVisible()).as("details start collapsed").isFalse();
        robot.clickOn("#signInErrorDetails");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInErrorDetailsText").query().isVisible()).isTrue();
        screenshot("sign-in-error-details.png");
    }

    @Test
    void darkThemeToggle(FxRobot robot) throws Exception {
        signIn(robot, "demo_admin", DemoLogins.PASSWORD);
        waitFor(robot, "#shellRoot");
        robot.clickOn("#nav-disputes");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");
        screenshot("shell-admin-dark.png");
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    }

    private void signIn(FxRobot robot, String login, String password) {
        robot.clickOn("#loginField").write(login);
        robot.clickOn("#passwordField").write(password);
        robot.clickOn("#signInButton");
    }

    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Labeled) node).getText();
    }

    private void screenshot(String name) throws Exception {
        Screenshots.save(stage, name);
    }
}
