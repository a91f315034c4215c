package dev.tower.staff;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestSessions;
import dev.tower.ui.ManualTaskExecutor;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class StaffViewModelTest {
    private static final String PASSWORD = "correct horse battery";

    /** Validation needs no database: the session points nowhere. */
    private static StaffViewModel offline() {
        return offline(new SyncTaskExecutor());
    }

    private static StaffViewModel offline(SyncTaskExecutor window) {
        return new StaffViewModel(new StaffService(TestSessions.offline(Role.ADMIN)), window, "test_admin");
    }

    private static StaffViewModel real(AdminSession admin) {
        return new StaffViewModel(new StaffService(admin.session()), new SyncTaskExecutor(), admin.session().login(),
                ZoneId.of("America/Detroit"));
    }

    private static void fillAddForm(StaffViewModel vm, String login, String name, Role role) {
        vm.startAdd();
        vm.newLoginProperty().set(login);
        vm.newNameProperty().set(name);
        vm.newRoleProperty().set(role);
        vm.newPasswordProperty().set(PASSWORD);
        vm.newConfirmProperty().set(PASSWORD);
    }

    @Test
    void addFormSaysWhatIsWrongAsPeopleTypeAndEnablesAddOnlyWhenComplete() {
        StaffViewModel vm = offline();
        vm.startAdd();
        assertThat(vm.formProperty().get()).isEqualTo(StaffViewModel.Form.ADD);
        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.newLoginProblem().get()).as("no complaint about an empty field").isEmpty();

        vm.newLoginProperty().set("Jordan Lee");
        assertThat(vm.newLoginProblem().get()).contains("lower-case letters, digits and underscores");
        vm.newLoginProperty().set("tower_jordan");
        assertThat(vm.newLoginProblem().get()).isEqualTo("\"tower_jordan\" is reserved; choose another login.");
        vm.newLoginProperty().set("jordan_lee");
        assertThat(vm.newLoginProblem().get()).isEmpty();

        vm.newNameProperty().set("   ");
        assertThat(vm.newNameProblem().get()).contains("name of 1 to 100 characters");
        vm.newNameProperty().set("Jordan Lee");

        vm.newPasswordProperty().set("short");
        assertThat(vm.newPasswordProblem().get()).isEqualTo("The password must be at least 10 characters long.");
        vm.newLoginProperty().set("jordan_lee_1");
        vm.newPasswordProperty().set("Jordan_Lee_1");
        assertThat(vm.newPasswordProblem().get()).isEqualTo("The password must not be the login itself.");

        vm.newPasswordProperty().set(PASSWORD);
        vm.newConfirmProperty().set(PASSWORD + "x");
        assertThat(vm.newConfirmProblem().get()).isEqualTo("The two passwords are not the same.");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.newConfirmProperty().set(PASSWORD);
        assertThat(vm.newConfirmProblem().get()).isEmpty();
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.newRoleProperty().set(null);
        assertThat(vm.canCreateProperty().get()).as("a role is required").isFalse();
        vm.newRoleProperty().set(Role.ANALYST);
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.cancelForm();
        assertThat(vm.formProperty().get()).isEqualTo(StaffViewModel.Form.NONE);
        assertThat(vm.newPasswordProperty().get()).as("passwords do not outlive the form").isEmpty();
        assertThat(vm.newConfirmProperty().get()).isEmpty();
    }

    @Test
    void actionsNeedASelectionAndNobodyMayDisableThemselves() {
        StaffViewModel vm = offline();
        assertThat(vm.canEditSelectedProperty().get()).isFalse();
        assertThat(vm.canToggleDisabledProperty().get()).isFalse();
        assertThat(vm.canChangeRoleProperty().get()).isFalse();

        StaffMember self = new StaffMember("test_admin", "Test Admin", Role.ADMIN, false, true, null, "setup");
        vm.selectedProperty().set(self);
        assertThat(vm.canEditSelectedProperty().get()).isTrue();
        assertThat(vm.canToggleDisabledProperty().get()).as("disabling yourself").isFalse();
        assertThat(vm.toggleDisabledHint().get()).isEqualTo("You cannot disable your own login.");
        assertThat(vm.nameText(self)).isEqualTo("Test Admin (you)");

        StaffMember other = new StaffMember("someone_else", "Some One", Role.OPS, true, false, null, "setup");
        vm.selectedProperty().set(other);
        assertThat(vm.canToggleDisabledProperty().get()).isTrue();
        assertThat(vm.toggleDisabledLabel().get()).isEqualTo("Enable");

        vm.startRoleChange();
        assertThat(vm.formProperty().get()).isEqualTo(StaffViewModel.Form.ROLE);
        assertThat(vm.roleChoiceProperty().get()).isEqualTo(Role.OPS);
        assertThat(vm.canChangeRoleProperty().get()).as("same role: nothing to change").isFalse();
        vm.roleChoiceProperty().set(Role.ANALYST);
        assertThat(vm.canChangeRoleProperty().get()).isTrue();

        vm.startPasswordReset();
        assertThat(vm.formProperty().get()).isEqualTo(StaffViewModel.Form.PASSWORD);
        vm.resetPasswordProperty().set(PASSWORD);
        assertThat(vm.canResetPasswordProperty().get()).as("not repeated yet").isFalse();
        vm.resetConfirmProperty().set(PASSWORD);
        assertThat(vm.canResetPasswordProperty().get()).isTrue();
    }

    @Test
    void whileAnActionRunsEveryCommandIsOffAndProgressShows() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        StaffViewModel vm = new StaffViewModel(new StaffService(TestSessions.offline(Role.ADMIN)), executor, "test_admin");
        fillAddForm(vm, "busy_person", "Busy Person", Role.OPS);
        vm.create();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyMessageProperty().get()).isEqualTo("Adding busy_person\u2026");
        assertThat(vm.newPasswordProperty().get()).as("cleared as soon as it is handed over").isEmpty();
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.selectedProperty().set(new StaffMember("x_person", "X", Role.OPS, false, true, null, "setup"));
        assertThat(vm.canEditSelectedProperty().get()).isFalse();
        assertThat(vm.canToggleDisabledProperty().get()).isFalse();
        executor.runAll(); // the offline session has no database: the failure arrives as a banner
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.noticeProperty().get()).isEmpty();
    }

    @Test
    void addChangeRoleDisableEnableAndResetEachReloadAndSaySo() throws Exception {
        try (var admin = AdminSession.open()) {
            StaffViewModel vm = real(admin);
            vm.load();
            int before = vm.staff().size();
            assertThat(vm.staff()).extracting(StaffMember::login).contains("demo_admin", "demo_ops");

            fillAddForm(vm, "vm_jordan", "  Jordan VM ", Role.OPS);
            vm.create();
            assertThat(vm.errorText()).isEmpty();
            assertThat(vm.noticeProperty().get()).isEqualTo("Added Jordan VM (vm_jordan) as Operations.");
            assertThat(vm.staff()).hasSize(before + 1);
            assertThat(vm.selectedProperty().get()).extracting(StaffMember::login, StaffMember::role, StaffMember::canLogIn)
                    .containsExactly("vm_jordan", Role.OPS, true);
            assertThat(vm.formProperty().get()).isEqualTo(StaffViewModel.Form.NONE);
            assertThat(vm.newLoginProperty().get()).isEmpty();
            assertThat(vm.newPasswordProperty().get()).isEmpty();
            try (Connection c = TestDatabase.get().connect("vm_jordan", PASSWORD)) {
                assertThat(c.isValid(1)).isTrue();
            }

            vm.startRoleChange();
            vm.roleChoiceProperty().set(Role.ANALYST);
            vm.changeRole();
            assertThat(vm.noticeProperty().get()).isEqualTo("Jordan VM is now Analyst.");
            assertThat(vm.selectedProperty().get().role()).isEqualTo(Role.ANALYST);

            vm.toggleDisabled();
            vm.confirmations().confirm(vm.confirmations().pending().typedWord()); // the login, typed
            assertThat(vm.noticeProperty().get()).isEqualTo("Disabled Jordan VM; they can no longer sign in.");
            assertThat(vm.selectedProperty().get()).extracting(StaffMember::disabled, StaffMember::canLogIn)
                    .containsExactly(true, false);
            assertThat(vm.toggleDisabledLabel().get()).isEqualTo("Enable");
            vm.toggleDisabled();
            vm.confirmations().confirm();
            assertThat(vm.selectedProperty().get().disabled()).isFalse();
            assertThat(vm.noticeProperty().get()).isEqualTo("Enabled Jordan VM; they can sign in again.");

            vm.startPasswordReset();
            vm.resetPasswordProperty().set("a brand new secret");
            vm.resetConfirmProperty().set("a brand new secret");
            vm.resetPassword();
            assertThat(vm.errorText()).isEmpty();
            assertThat(vm.noticeProperty().get()).startsWith("Set a new password for Jordan VM.");
            assertThat(vm.resetPasswordProperty().get()).isEmpty();
            try (Connection c = TestDatabase.get().connect("vm_jordan", "a brand new secret")) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void theDatabasesRefusalShowsInTheBannerInPlainWordsAndChangesNothing() {
        try (var admin = AdminSession.open()) {
            StaffViewModel vm = real(admin);
            vm.load();
            int before = vm.staff().size();
            fillAddForm(vm, "demo_ops", "Another Olivia", Role.OPS);
            vm.create();
            assertThat(vm.errorProperty().get().title()).isEqualTo("Please check the input");
            assertThat(vm.errorText()).isEqualTo("A database login called \"demo_ops\" already exists.");
            assertThat(vm.noticeProperty().get()).isEmpty();
            assertThat(vm.formProperty().get()).as("the form stays open to fix it").isEqualTo(StaffViewModel.Form.ADD);
            assertThat(vm.newLoginProperty().get()).isEqualTo("demo_ops");
            assertThat(vm.newPasswordProperty().get()).as("the password is still cleared").isEmpty();
            vm.load();
            assertThat(vm.staff()).hasSize(before);

            vm.selectedProperty().set(vm.staff().stream().filter(m -> m.login().equals("demo_admin")).findFirst().orElseThrow());
            vm.toggleDisabled(); // the binding says no, so nothing is even tried
            assertThat(vm.selectedProperty().get().disabled()).isFalse();
            assertThat(vm.canStartRoleChangeProperty().get()).as("not your own role either").isFalse();
            vm.startRoleChange();
            assertThat(vm.formProperty().get()).isNotEqualTo(StaffViewModel.Form.ROLE);
        }
    }

    @Test
    void createdTimeIsShownInTheUsersZone() {
        StaffViewModel vm = new StaffViewModel(new StaffService(TestSessions.offline(Role.ADMIN)), new SyncTaskExecutor(),
                "test_admin", ZoneId.of("America/Detroit"));
        StaffMember m = new StaffMember("a_b_c", "A", Role.OPS, false, true, java.time.Instant.parse("2025-01-16T03:30:00Z"), "x");
        assertThat(vm.createdText(m)).as("still the 15th in Detroit").isEqualTo("2025-01-15");
    }

    /** The buttons are kit Commands: each is off exactly when its action must not run, and execute re-checks. */
    @Test
    void everyButtonIsACommandThatIsOffWhenItMustBe() {
        StaffViewModel vm = offline();
        assertThat(vm.addStaff().isExecutable()).isTrue();
        assertThat(vm.startRoleChangeCommand().isExecutable()).as("nobody selected").isFalse();
        assertThat(vm.toggleDisabledCommand().isExecutable()).isFalse();
        assertThat(vm.startPasswordResetCommand().isExecutable()).isFalse();
        assertThat(vm.cancel().isExecutable()).as("no form open").isFalse();

        vm.selectedProperty().set(new StaffMember("test_admin", "Test Admin", Role.ADMIN, false, true, null, "setup"));
        assertThat(vm.startRoleChangeCommand().isExecutable()).as("not your own role").isFalse();
        assertThat(vm.toggleDisabledCommand().isExecutable()).as("not your own login").isFalse();
        assertThat(vm.toggleDisabledCommand().execute()).isFalse();
        assertThat(vm.confirmations().pendingProperty().get()).as("nothing was asked").isNull();
        assertThat(vm.startPasswordResetCommand().isExecutable()).isTrue();

        vm.selectedProperty().set(new StaffMember("some_one", "Some One", Role.OPS, false, true, null, "setup"));
        assertThat(vm.startRoleChangeCommand().execute()).isTrue();
        assertThat(vm.cancel().isExecutable()).isTrue();
        assertThat(vm.changeRoleCommand().isExecutable()).as("the same role is no change").isFalse();
        vm.roleChoiceProperty().set(Role.ANALYST);
        assertThat(vm.changeRoleCommand().isExecutable()).isTrue();
        assertThat(vm.cancel().execute()).isTrue();

        fillAddForm(vm, "jordan_lee", "Jordan Lee", Role.OPS);
        assertThat(vm.createCommand().isExecutable()).isTrue();
        vm.newConfirmProperty().set("different");
        assertThat(vm.createCommand().isExecutable()).isFalse();
        assertThat(vm.resetPasswordCommand().isExecutable()).as("no new password typed").isFalse();
    }

    @Test
    void writeCommandsAreOffWhileTheDatabaseIsLostAndReloadWhileTheSchemaIsReadOnlyStaysOn() {
        SyncTaskExecutor window = new SyncTaskExecutor();
        StaffViewModel vm = offline(window);
        vm.selectedProperty().set(new StaffMember("some_one", "Some One", Role.OPS, false, true, null, "setup"));
        window.gate().setSchemaReadOnly("The schema is behind this Tower.");
        assertThat(vm.addStaff().isExecutable()).isFalse();
        assertThat(vm.toggleDisabledCommand().isExecutable()).isFalse();
        assertThat(vm.startPasswordResetCommand().isExecutable()).isFalse();
        assertThat(vm.reload().isExecutable()).as("reading is still fine").isTrue();
        window.gate().setOnline(false);
        assertThat(vm.reload().isExecutable()).isFalse();
        window.gate().reset();
        assertThat(vm.toggleDisabledCommand().isExecutable()).isTrue();
    }
}
