package dev.tower.staff;

import dev.tower.error.UserMessage;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Staff screen: the staff list, the selected member, and the four actions on it (add, change role,
 * disable or enable, reset password). Each action's enabled state is a binding; each one runs through
 * the executor, then reloads the list and says what happened. Passwords live here only until they are
 * handed to the service, which wipes its copy.
 */
public final class StaffViewModel {
    /** Which form the side panel shows. */
    public enum Form { NONE, ADD, ROLE, PASSWORD }

    private final StaffService service;
    private final String ownLogin;
    private final ZoneId zone;

    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final ObjectProperty<StaffMember> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Form> form = new ReadOnlyObjectWrapper<>(this, "form", Form.NONE);
    private final ScreenState state;
    private final BooleanProperty busy;
    private final Confirmations confirmations = new Confirmations();

    private final StringProperty newLogin = new SimpleStringProperty(this, "newLogin", "");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole", Role.OPS);
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty newConfirm = new SimpleStringProperty(this, "newConfirm", "");
    private final ObjectProperty<Role> roleChoice = new SimpleObjectProperty<>(this, "roleChoice");
    private final StringProperty resetPassword = new SimpleStringProperty(this, "resetPassword", "");
    private final StringProperty resetConfirm = new SimpleStringProperty(this, "resetConfirm", "");

    private final StringBinding newLoginProblem;
    private final StringBinding newNameProblem;
    private final StringBinding newPasswordProblem;
    private final StringBinding newConfirmProblem;
    private final StringBinding resetPasswordProblem;
    private final StringBinding resetConfirmProblem;
    private final BooleanBinding canCreate;
    private final BooleanBinding canEditSelected;
    private final BooleanBinding canStartRoleChange;
    private final BooleanBinding canChangeRole;
    private final BooleanBinding canToggleDisabled;
    private final BooleanBinding canResetPassword;
    private final StringBinding toggleDisabledLabel;
    private final StringBinding toggleDisabledHint;
    private final Command addStaff;
    private final Command startRoleChangeCommand;
    private final Command toggleDisabledCommand;
    private final Command startPasswordResetCommand;
    private final Command reload;
    private final Command createCommand;
    private final Command changeRoleCommand;
    private final Command resetPasswordCommand;
    private final Command cancel;

    public StaffViewModel(StaffService service, TaskExecutor executor, String ownLogin) {
        this(service, executor, ownLogin, ZoneId.systemDefault());
    }

    public StaffViewModel(StaffService service, TaskExecutor executor, String ownLogin, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.busy = state.busyFlag();
        this.ownLogin = Objects.requireNonNull(ownLogin);
        this.zone = Objects.requireNonNull(zone);

        newLoginProblem = problemOf(() -> newLogin.get().isEmpty() ? Optional.empty()
                : StaffRules.loginProblem(newLogin.get()), newLogin);
        newNameProblem = problemOf(() -> newName.get().isEmpty() ? Optional.empty()
                : StaffRules.nameProblem(newName.get()), newName);
        newPasswordProblem = problemOf(() -> newPassword.get().isEmpty() ? Optional.empty()
                : StaffRules.passwordProblem(newLogin.get(), newPassword.get()), newPassword, newLogin);
        newConfirmProblem = mismatch(newPassword, newConfirm);
        resetPasswordProblem = problemOf(() -> resetPassword.get().isEmpty() || selected.get() == null ? Optional.empty()
                : StaffRules.passwordProblem(selected.get().login(), resetPassword.get()), resetPassword, selected);
        resetConfirmProblem = mismatch(resetPassword, resetConfirm);

        canCreate = Bindings.createBooleanBinding(() -> !busy.get() && newRole.get() != null
                        && filledAndFine(newLogin, newLoginProblem) && filledAndFine(newName, newNameProblem)
                        && filledAndFine(newPassword, newPasswordProblem) && filledAndFine(newConfirm, newConfirmProblem),
                busy, newRole, newLogin, newName, newPassword, newConfirm,
                newLoginProblem, newNameProblem, newPasswordProblem, newConfirmProblem);
        canEditSelected = busy.not().and(selected.isNotNull());
        // The database refuses a change to your own role too; the button never offers it.
        canStartRoleChange = Bindings.createBooleanBinding(() -> canEditSelected.get() && !isSelf(selected.get()),
                canEditSelected, selected);
        canChangeRole = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && !isSelf(selected.get())
                && roleChoice.get() != null && roleChoice.get() != selected.get().role(), busy, selected, roleChoice);
        canToggleDisabled = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && !(isSelf(selected.get()) && !selected.get().disabled()), busy, selected);
        canResetPassword = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                        && filledAndFine(resetPassword, resetPasswordProblem) && filledAndFine(resetConfirm, resetConfirmProblem),
                busy, selected, resetPassword, resetConfirm, resetPasswordProblem, resetConfirmProblem);
        toggleDisabledLabel = Bindings.createStringBinding(() -> selected.get() != null && selected.get().disabled()
                ? "Enable" : "Disable", selected);
        toggleDisabledHint = Bindings.createStringBinding(() -> {
            StaffMember s = selected.get();
            if (s == null) {
                return "Select a staff member first.";
            }
            if (isSelf(s) && !s.disabled()) {
                return "You cannot disable your own login.";
            }
            return s.disabled() ? "Let " + s.displayName() + " sign in again." : "Stop " + s.displayName() + " from signing in.";
        }, selected);

        selected.addListener((obs, old, now) -> selectionChanged(now));

        // the screen is an admin's (the shell shows it to no one else), so permission is the session's given
        BooleanProperty admin = new SimpleBooleanProperty(true);
        BooleanProperty always = new SimpleBooleanProperty(true);
        addStaff = Command.of(state.gate(), "Add staff", admin, always, busy, this::startAdd);
        startRoleChangeCommand = Command.of(state.gate(), "Change role", admin, canStartRoleChange, busy, this::startRoleChange);
        toggleDisabledCommand = Command.of(state.gate(), "Disable", admin, canToggleDisabled, busy, this::toggleDisabled);
        startPasswordResetCommand = Command.of(state.gate(), "Reset password", admin, canEditSelected, busy, this::startPasswordReset);
        reload = Command.reading(state.gate(), "Reload the staff list", admin, always, busy, this::load);
        createCommand = Command.of(state.gate(), "Add staff", admin, canCreate, busy, this::create);
        changeRoleCommand = Command.of(state.gate(), "Change role", admin, canChangeRole, busy, this::changeRole);
        resetPasswordCommand = Command.of(state.gate(), "Set password", admin, canResetPassword, busy, this::resetPassword);
        cancel = Command.local("Cancel", form.isNotEqualTo(Form.NONE), new SimpleBooleanProperty(false), this::cancelForm);
    }

    /** Loads the staff list (the view calls this each time the screen is shown). */
    public void load() {
        reload(null, null);
    }

    public void startAdd() {
        clearAddForm();
        state.clearMessages();
        form.set(Form.ADD);
    }

    public void startRoleChange() {
        if (canStartRoleChange.get()) {
            roleChoice.set(selected.get().role());
            form.set(Form.ROLE);
        }
    }

    public void startPasswordReset() {
        if (canEditSelected.get()) {
            clearPasswords();
            form.set(Form.PASSWORD);
        }
    }

    public void cancelForm() {
        clearPasswords();
        form.set(Form.NONE);
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String login = newLogin.get().strip();
        String name = newName.get().strip();
        Role role = newRole.get();
        char[] password = newPassword.get().toCharArray(); // the service wipes this copy
        clearPasswords();
        run("Adding " + login + "\u2026", "Add staff login " + login, () -> service.create(login, name, role, password), () -> {
            clearAddForm();
            form.set(Form.NONE);
            reload(login, "Added " + name + " (" + login + ") as " + role.label() + ".");
        });
    }

    public void changeRole() {
        if (!canChangeRole.get()) {
            return;
        }
        StaffMember member = selected.get();
        Role role = roleChoice.get();
        run("Changing the role\u2026", "Change role of " + member.login() + " to " + role, () -> service.changeRole(member.login(), role),
                () -> {
                    form.set(Form.NONE);
                    reload(member.login(), member.displayName() + " is now " + role.label() + ".");
                });
    }

    /** Asks first, naming the consequence; disabling (which ends their sessions) needs the login typed. */
    public void toggleDisabled() {
        if (!canToggleDisabled.get()) {
            return;
        }
        StaffMember member = selected.get();
        boolean disable = !member.disabled();
        String done = disable
                ? "Disabled " + member.displayName() + "; they can no longer sign in."
                : "Enabled " + member.displayName() + "; they can sign in again.";
        Runnable act = () -> run(disable ? "Disabling\u2026" : "Enabling\u2026", (disable ? "Disable " : "Enable ") + member.login(),
                () -> service.setDisabled(member.login(), disable), () -> reload(member.login(), done));
        confirmations.ask(disable
                ? Confirmation.typed("Disable " + member.displayName() + "?",
                        member.displayName() + " (" + member.login() + ") can no longer sign in, and their open sessions "
                                + "end. You can enable the login again later.", "Disable", member.login(), act)
                : Confirmation.ask("Enable " + member.displayName() + "?",
                        member.displayName() + " (" + member.login() + ") can sign in again with their current password.",
                        "Enable", act));
    }

    public void resetPassword() {
        if (!canResetPassword.get()) {
            return;
        }
        StaffMember member = selected.get();
        char[] password = resetPassword.get().toCharArray(); // the service wipes this copy
        clearPasswords();
        run("Setting the new password\u2026", "Reset password of " + member.login(),
                () -> service.resetPassword(member.login(), password), () -> {
                    form.set(Form.NONE);
                    reload(member.login(), "Set a new password for " + member.displayName() + ". Tell them in person.");
                });
    }

    /** "Alex Admin (you)" for the signed-in staff member, else the name. */
    public String nameText(StaffMember member) {
        return isSelf(member) ? member.displayName() + " (you)" : member.displayName();
    }

    /** The day the login was created, in the user's time zone. */
    public String createdText(StaffMember member) {
        return LocalTimes.date(member.createdAt(), zone);
    }

    /** @param description for the log; the screen shows {@code progress} */
    private void run(String progress, String description, Runnable work, Runnable then) {
        state.run("write", progress, () -> {
            work.run();
            return description;
        }, done -> then.run());
    }

    private void reload(String keepLogin, String doneNotice) {
        String keep = keepLogin != null ? keepLogin : selected.get() == null ? null : selected.get().login();
        state.run("Loading staff\u2026", () -> service.list(), list -> {
            showList(list, keep);
            if (doneNotice != null) {
                state.notice(doneNotice);
            }
        });
    }

    private void showList(List<StaffMember> list, String keepLogin) {
        Form open = form.get();
        staff.setAll(list);
        selected.set(list.stream().filter(m -> m.login().equals(keepLogin)).findFirst().orElse(null));
        if (open == Form.ROLE || open == Form.PASSWORD) {
            form.set(selected.get() == null ? Form.NONE : open);
        }
    }

    private void selectionChanged(StaffMember now) {
        if (form.get() == Form.ROLE || form.get() == Form.PASSWORD) {
            if (now == null) {
                // the table clears its selection while it reloads; showList reopens the form for the same login
                return;
            }
            roleChoice.set(now.role());
        }
    }

    private boolean isSelf(StaffMember member) {
        return member != null && member.login().equals(ownLogin);
    }

    private void clearAddForm() {
        newLogin.set("");
        newName.set("");
        newRole.set(Role.OPS);
        clearPasswords();
    }

    private void clearPasswords() {
        newPassword.set("");
        newConfirm.set("");
        resetPassword.set("");
        resetConfirm.set("");
    }

    private static StringBinding problemOf(java.util.function.Supplier<Optional<ValidationException>> check,
                                           javafx.beans.Observable... dependencies) {
        return Bindings.createStringBinding(() -> check.get().map(ValidationException::plainMessage).orElse(""), dependencies);
    }

    private static StringBinding mismatch(StringProperty password, StringProperty confirm) {
        return Bindings.createStringBinding(() -> !confirm.get().isEmpty() && !confirm.get().equals(password.get())
                ? "The two passwords are not the same." : "", password, confirm);
    }

    private static boolean filledAndFine(StringProperty field, StringBinding problem) {
        return !field.get().isBlank() && problem.get().isEmpty();
    }

    public ObservableList<StaffMember> staff() { return staff; }

    public ObjectProperty<StaffMember> selectedProperty() { return selected; }

    public ReadOnlyObjectProperty<Form> formProperty() { return form.getReadOnlyProperty(); }

    public StringProperty newLoginProperty() { return newLogin; }

    public StringProperty newNameProperty() { return newName; }

    public ObjectProperty<Role> newRoleProperty() { return newRole; }

    public StringProperty newPasswordProperty() { return newPassword; }

    public StringProperty newConfirmProperty() { return newConfirm; }

    public ObjectProperty<Role> roleChoiceProperty() { return roleChoice; }

    public StringProperty resetPasswordProperty() { return resetPassword; }

    public StringProperty resetConfirmProperty() { return resetConfirm; }

    public StringBinding newLoginProblem() { return newLoginProblem; }

    public StringBinding newNameProblem() { return newNameProblem; }

    public StringBinding newPasswordProblem() { return newPasswordProblem; }

    public StringBinding newConfirmProblem() { return newConfirmProblem; }

    public StringBinding resetPasswordProblem() { return resetPasswordProblem; }

    public StringBinding resetConfirmProblem() { return resetConfirmProblem; }

    public BooleanBinding canCreateProperty() { return canCreate; }

    /** Change role and reset password open their forms only with someone selected. */
    public BooleanBinding canEditSelectedProperty() { return canEditSelected; }

    public BooleanBinding canChangeRoleProperty() { return canChangeRole; }

    public BooleanBinding canStartRoleChangeProperty() { return canStartRoleChange; }

    public BooleanBinding canToggleDisabledProperty() { return canToggleDisabled; }

    public BooleanBinding canResetPasswordProperty() { return canResetPassword; }

    public StringBinding toggleDisabledLabel() { return toggleDisabledLabel; }

    public StringBinding toggleDisabledHint() { return toggleDisabledHint; }

    public ScreenState state() { return state; }

    /** Opens the add form. */
    public Command addStaff() { return addStaff; }

    /** Opens the role form for the selected member (never for yourself). */
    public Command startRoleChangeCommand() { return startRoleChangeCommand; }

    /** Disables or enables the selected member, after asking; its label follows {@link #toggleDisabledLabel}. */
    public Command toggleDisabledCommand() { return toggleDisabledCommand; }

    public Command startPasswordResetCommand() { return startPasswordResetCommand; }

    public Command reload() { return reload; }

    public Command createCommand() { return createCommand; }

    public Command changeRoleCommand() { return changeRoleCommand; }

    public Command resetPasswordCommand() { return resetPasswordCommand; }

    /** Closes the open form; there is nothing to cancel while none is open. */
    public Command cancel() { return cancel; }

    /** The question the screen is asking (Disable or Enable a login), if any. */
    public Confirmations confirmations() { return confirmations; }

    public ReadOnlyBooleanProperty busyProperty() { return state.busyProperty(); }

    public ReadOnlyStringProperty busyMessageProperty() { return state.busyMessageProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return state.errorProperty(); }

    /** The error's plain sentence, or empty when there is none. */
    public String errorText() {
        return state.error() == null ? "" : state.error().text();
    }

    public ReadOnlyStringProperty noticeProperty() { return state.noticeProperty(); }
}
