package dev.tower.schema;

import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.TestDatabase;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the migrations panel and the health screen in the real window as demo_admin, headless; both
 * saved as screenshots (the health one in the dark theme too).
 */
class SchemaScreensUiTest extends ConsoleUiTest {

    @Test
    void anAdminSeesEveryMigrationAppliedValidatesAndIsNotOfferedAMigrate(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-schema");
        TableView<?> table = robot.lookup("#migrationsTable").queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        waitUntil(() -> text(robot, "#schemaSummary").contains("up to date"));
        assertThat(text(robot, "#schemaSummary")).contains("this Tower knows up to " + BuildMigrations.latest().getVersion());
        assertThat(robot.lookup("#migrateSchema").queryButton().isDisabled()).as("nothing pending").isTrue();
        assertThat(robot.lookup("#readOnlyBanner").query().isVisible()).isFalse();
        robot.clickOn("#validateSchema");
        waitUntil(() -> text(robot, "#schemaNoticeText").startsWith("Valid"));
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> text(robot, "#migrationProblem").contains("matches its file"));
        screenshot("schema-migrations-admin.png");

        robot.clickOn("#repairSchema");
        waitFor(robot, "#schemaConfirmOk");
        assertThat(text(robot, "#schemaConfirmConsequence")).contains("runs nothing and undoes nothing");
        screenshot("schema-repair-confirm.png");
        robot.clickOn("#schemaConfirmCancel");
    }

    @Test
    void anAdminSeesSessionsAndTablesOnTheHealthScreen(FxRobot robot) throws Exception {
        TestDatabase.get();
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-health");
        TableView<?> sessions = robot.lookup("#healthSessions").queryAs(TableView.class);
        waitUntil(() -> !sessions.getItems().isEmpty());
        assertThat(text(robot, "#healthSummary")).contains("session(s)");
        screenshot("health-sessions-admin.png");
        robot.clickOn("Tables");
        TableView<?> tables = robot.lookup("#healthTables").queryAs(TableView.class);
        waitUntil(() -> !tables.getItems().isEmpty());
        assertThat(robot.lookup("#analyzeTable").queryButton().isDisabled()).as("no table selected yet").isTrue();
        WaitForAsyncUtils.asyncFx(() -> tables.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> !robot.lookup("#analyzeTable").queryButton().isDisabled());
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        screenshot("health-tables-admin-dark.png");
        robot.clickOn("#themeToggle");
    }
}
