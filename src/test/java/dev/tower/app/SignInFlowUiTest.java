package dev.tower.app;

import dev.tower.demo.DemoLogins;
import dev.tower.security.Role;
import dev.tower.shell.Section;
import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.Screenshots;
import javafx.application.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window, wired by the real composition root, against the real test database: sign in as
 * each demo role, check exactly which sidebar entries exist, open each, sign out. Saves screenshots
 * with {@link Screenshots} for people to look at.
 */
class SignInFlowUiTest extends ConsoleUiTest {
    /** Sections that have their real screen; the rest show their placeholder. */
    private static final Map<Section, String> REAL_VIEWS = Map.of(
            Section.STAFF, "#staffView", Section.AUDIT, "#auditView", Section.SETTINGS, "#settingsView",
            Section.BOOKINGS, "#bookingsView",
            Section.PROVIDERS, "#providersView",
            Section.AREAS, "#areasView",
            Section.DISPUTES, "#disputesView",
            Section.ANALYTICS, "#analyticsView",
            Section.SCHEMA, "#migrationsView", Section.HEALTH, "#healthView");

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesExactlyItsSections(Role role, FxRobot robot) throws Exception {
        DemoLogins.DemoLogin demo = DemoLogins.ALL.stream()
                .filter(d -> d.group().equals(role.groupRole())).findFirst().orElseThrow();
        typeCredentials(robot, demo.login(), DemoLogins.PASSWORD);
        waitFor(robot, "#shellRoot");

        Set<Section> expected = switch (role) {
            case ADMIN -> EnumSet.allOf(Section.class); // nine, Settings included
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
                String view = REAL_VIEWS.getOrDefault(section, "#placeholder-" + section.key());
                assertThat(robot.lookup(view).tryQuery()).as(section + " shown").isPresent();
            }
        }

        // each window has its own gate: exactly this window's shell watches it
        assertThat(root.gate().watcherCount()).as("the open shell watches the gate").isEqualTo(1);
        robot.clickOn("#signOutButton");
        waitFor(robot, "#signInRoot");
        assertThat(robot.lookup("#shellRoot").tryQuery()).isEmpty();
        // signing out closes the shell: the window's gate keeps no listener of it (nor its session)
        assertThat(root.gate().watcherCount()).isZero();
    }

    @Test
    void wrongPasswordShowsThePlainMessage(FxRobot robot) throws Exception {
        screenshot("sign-in.png");
        // the saved profiles arrive after the window shows; the embedded database stays the one chosen
        assertThat(robot.lookup("#embeddedDatabaseChoice").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .isTrue();
        typeCredentials(robot, "demo_ops", "not-the-password");
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
        typeCredentials(robot, "demo_admin", DemoLogins.PASSWORD);
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




}
