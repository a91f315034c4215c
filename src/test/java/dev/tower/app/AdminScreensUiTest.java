package dev.tower.app;

import dev.tower.audit.AuditEntry;
import dev.tower.settings.SettingKind;
import dev.tower.settings.SettingsService;
import dev.tower.staff.StaffMember;
import dev.tower.testing.AdminSession;
import dev.tower.testing.ConsoleUiTest;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three admin screens in the real window, signed in as demo_admin through the real sign-in screen,
 * against the test database: add a staff member through the form, find the audit entry it wrote and
 * its difference, check the chain, and edit a setting (a bad value first). Saves screenshots.
 */
class AdminScreensUiTest extends ConsoleUiTest {
    @Test
    void addStaffThroughTheFormThenFindItsAuditEntryAndCheckTheChain(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-staff");
        waitUntil(() -> staffTable(robot).getItems().stream().anyMatch(m -> m.login().equals("demo_admin")));
        assertThat(robot.lookup("#toggleDisabledButton").query().isDisabled()).as("nothing selected").isTrue();
        assertThat(robot.lookup("#changeRoleButton").query().isDisabled()).isTrue();

        // yourself: selectable, but Change role and Disable stay off
        robot.clickOn(cell(robot, "demo_admin"));
        assertThat(robot.lookup("#changeRoleButton").query().isDisabled()).as("cannot change your own role").isTrue();
        assertThat(robot.lookup("#resetPasswordButton").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#toggleDisabledButton").query().isDisabled()).as("cannot disable yourself").isTrue();

        // someone who leaves again at once: added with the default role, then disabled
        robot.clickOn("#addStaffButton");
        robot.clickOn("#newStaffLogin").write("ui_pat");
        robot.clickOn("#newStaffName").write("Pat Passing");
        robot.clickOn("#newStaffPassword").write("passing through");
        robot.clickOn("#newStaffConfirm").write("passing through");
        robot.clickOn("#createStaffButton");
        waitUntil(() -> text(robot, "#staffNoticeText").equals("Added Pat Passing (ui_pat) as Operations."));
        robot.clickOn("#toggleDisabledButton");
        waitFor(robot, "#staffConfirmTyped");
        screenshot("staff-confirm-disable.png");
        robot.clickOn("#staffConfirmTyped").write("ui_pat");
        robot.clickOn("#staffConfirmOk");
        waitUntil(() -> text(robot, "#staffNoticeText").equals("Disabled Pat Passing; they can no longer sign in."));
        assertThat(staffTable(robot).getItems()).filteredOn(m -> m.login().equals("ui_pat")).singleElement()
                .extracting(StaffMember::disabled, StaffMember::canLogIn).containsExactly(true, false);
        assertThat(((Labeled) robot.lookup("#toggleDisabledButton").query()).getText()).isEqualTo("Enable");

        // the database's refusal, in its own plain words
        robot.clickOn("#addStaffButton");
        robot.clickOn("#newStaffLogin").write("demo_ops");
        robot.clickOn("#newStaffName").write("Olivia Again");
        robot.clickOn("#newStaffPassword").write("passing through");
        robot.clickOn("#newStaffConfirm").write("passing through");
        robot.clickOn("#createStaffButton");
        waitUntil(() -> robot.lookup("#staffError").query().isVisible());
        assertThat(text(robot, "#staffErrorText")).isEqualTo("A database login called \"demo_ops\" already exists.");
        screenshot("staff-error.png");
        robot.clickOn("#cancelStaffForm");

        robot.clickOn("#addStaffButton");
        robot.clickOn("#newStaffLogin").write("Sam Sidebar");
        waitUntil(() -> robot.lookup("#newStaffLoginProblem").query().isVisible());
        assertThat(text(robot, "#newStaffLoginProblem")).contains("lower-case letters, digits and underscores");
        robot.clickOn("#newStaffName").write("Sam Sidebar");
        robot.clickOn("#newStaffPassword").write("sidebar pass 1");
        robot.clickOn("#newStaffConfirm").write("sidebar pass 2");
        assertThat(text(robot, "#newStaffConfirmProblem")).isEqualTo("The two passwords are not the same.");
        assertThat(robot.lookup("#createStaffButton").query().isDisabled()).isTrue();
        screenshot("staff-add-form-problems.png");

        robot.clickOn("#newStaffLogin").push(KeyCode.END).eraseText("Sam Sidebar".length()).write("ui_sam");
        robot.clickOn("#newStaffConfirm").push(KeyCode.END).eraseText(1).write("1");
        robot.clickOn("#newStaffRole");
        robot.clickOn(robot.lookup(".list-cell").match(n -> "Analyst".equals(((Labeled) n).getText())).queryAs(Node.class));
        assertThat(robot.lookup("#newStaffLoginProblem").query().isVisible()).isFalse();
        assertThat(robot.lookup("#createStaffButton").query().isDisabled()).isFalse();
        screenshot("staff-add-form.png");
        TextField password = (TextField) robot.lookup("#newStaffPassword").query();
        robot.clickOn("#createStaffButton");

        waitUntil(() -> robot.lookup("#staffNotice").query().isVisible());
        assertThat(text(robot, "#staffNoticeText")).isEqualTo("Added Sam Sidebar (ui_sam) as Analyst.");
        assertThat(staffTable(robot).getItems()).anySatisfy(m -> {
            assertThat(m.login()).isEqualTo("ui_sam");
            assertThat(m.role().label()).isEqualTo("Analyst");
        });
        assertThat(cell(robot, "ui_sam")).as("the new login is on screen").isNotNull();
        assertThat(robot.lookup("#staffFormPanel").query().isVisible()).as("the form closed").isFalse();
        assertThat(password.getText()).as("password cleared").isEmpty();
        assertThat(robot.lookup("#toggleDisabledButton").query().isDisabled()).as("ui_sam is selected").isFalse();
        screenshot("staff-admin.png");

        robot.clickOn("#nav-audit");
        waitUntil(() -> !auditTable(robot).getItems().isEmpty());
        AuditEntry top = auditTable(robot).getItems().getFirst();
        assertThat(top.actionName()).isEqualTo("create_staff_login");
        assertThat(top.recordId()).isEqualTo("ui_sam");
        assertThat(top.actorLogin()).isEqualTo("demo_admin");
        assertThat(text(robot, "#auditDetailEmpty")).isEqualTo("Select an entry to see what changed.");

        waitUntil(() -> firstRow(robot).isPresent());
        robot.clickOn(firstRow(robot).orElseThrow());
        waitUntil(() -> robot.lookup("#changeNew-login").tryQuery().isPresent());
        assertThat(text(robot, "#changeNew-login")).isEqualTo("ui_sam");
        assertThat(text(robot, "#changeOld-login")).isEqualTo("\u2014");
        assertThat(text(robot, "#changeNew-role_group")).isEqualTo("tower_analyst");
        assertThat(text(robot, "#auditDetailTitle")).isEqualTo("Entry #" + top.seq());

        robot.clickOn("#checkChainButton");
        waitUntil(() -> !text(robot, "#chainResult").isEmpty());
        assertThat(text(robot, "#chainResult")).startsWith("Intact: ").endsWith(" checked");
        assertThat(robot.lookup("#chainResult").query().getStyleClass()).contains("success");
        screenshot("audit-admin.png");

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("audit-admin-dark.png");
        robot.clickOn("#nav-staff");
        waitUntil(() -> !robot.lookup("#staffProgress").query().isVisible());
        screenshot("staff-admin-dark.png");
        robot.clickOn("#themeToggle");
    }

    @Test
    void aBadSettingIsExplainedAndNotSavedThenAGoodOneIs(FxRobot robot) throws Exception {
        String original;
        try (var admin = AdminSession.open()) {
            original = sla(new SettingsService(admin.session()));
        }
        String next = original.equals("36") ? "40" : "36";
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-settings");
        waitUntil(() -> text(robot, "#setting-dispute-sla-hours-value").equals(original + " hours"));
        assertThat(text(robot, "#setting-dispute-sla-hours-changed")).startsWith("Last changed ");
        assertThat(robot.lookup("#setting-dispute-sla-hours-save").query().isDisabled()).as("nothing edited").isTrue();

        replaceText(robot, "#setting-dispute-sla-hours-field", "soon");
        waitUntil(() -> robot.lookup("#setting-dispute-sla-hours-problem").query().isVisible());
        assertThat(text(robot, "#setting-dispute-sla-hours-problem")).isEqualTo("\"soon\" is not a whole number of hours.");
        assertThat(robot.lookup("#setting-dispute-sla-hours-save").query().isDisabled()).isTrue();
        robot.clickOn("#setting-dispute-sla-hours-field").push(KeyCode.ENTER); // Enter does not get round it either
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settingsNotice").query().isVisible()).isFalse();
        try (var admin = AdminSession.open()) {
            assertThat(sla(new SettingsService(admin.session()))).as("nothing saved").isEqualTo(original);
        }
        screenshot("settings-invalid.png");

        replaceText(robot, "#setting-dispute-sla-hours-field", next);
        assertThat(robot.lookup("#setting-dispute-sla-hours-problem").query().isVisible()).isFalse();
        robot.clickOn("#setting-dispute-sla-hours-save");
        waitUntil(() -> robot.lookup("#settingsNotice").query().isVisible());
        assertThat(text(robot, "#settingsNoticeText")).isEqualTo("Saved. Dispute resolution time: " + next + " hours.");
        waitUntil(() -> text(robot, "#setting-dispute-sla-hours-value").equals(next + " hours"));
        screenshot("settings-admin.png");
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("settings-admin-dark.png");
        robot.clickOn("#themeToggle"); // the theme setting is shared: leave it light for the next test
        try (var admin = AdminSession.open()) {
            SettingsService settings = new SettingsService(admin.session());
            assertThat(sla(settings)).isEqualTo(next);
            settings.update(SettingKind.DISPUTE_SLA_HOURS, original, null);
        }
    }

    @Test
    void opsSeeNoneOfTheAdminScreens(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_ops");
        for (String entry : new String[] {"#nav-staff", "#nav-audit", "#nav-settings"}) {
            assertThat(robot.lookup(entry).tryQuery()).as(entry).isEmpty();
        }
        assertThat(robot.lookup("#nav-disputes").tryQuery()).isPresent();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(n -> text.equals(((Labeled) n).getText())).query();
    }

    private static java.util.Optional<Node> firstRow(FxRobot robot) {
        return robot.lookup("#auditTable .table-row-cell")
                .match(n -> ((TableRow<?>) n).getIndex() == 0 && ((TableRow<?>) n).getItem() != null).tryQuery();
    }

    private static String sla(SettingsService settings) {
        return settings.list().stream().filter(s -> s.kind() == SettingKind.DISPUTE_SLA_HOURS).findFirst().orElseThrow().value();
    }



    @SuppressWarnings("unchecked")
    private static TableView<StaffMember> staffTable(FxRobot robot) {
        return (TableView<StaffMember>) robot.lookup("#staffTable").query();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditEntry> auditTable(FxRobot robot) {
        return (TableView<AuditEntry>) robot.lookup("#auditTable").query();
    }


}
