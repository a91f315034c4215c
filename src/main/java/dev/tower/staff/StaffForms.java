package dev.tower.staff;

import atlantafx.base.theme.Styles;
import dev.tower.security.Role;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.FormPanel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.kit.Command;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Staff screen's side panel: the kit {@link FormPanel} of the form the ViewModel has open (add a
 * login, change the selected member's role, or set their new password), hidden while none is. Each
 * form scrolls rather than clips, so an error and field problems never push its buttons off the window.
 */
final class StaffForms extends StackPane {
    private static final double WIDTH = 300;

    private final StaffViewModel viewModel;
    // built once and swapped: the fields stay bound to the same ViewModel properties throughout
    private final FormPanel addForm;
    private final FormPanel roleForm;
    private final FormPanel passwordForm;

    StaffForms(StaffViewModel viewModel) {
        this.viewModel = viewModel;
        setId("staffFormPanel");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        addForm = addForm();
        roleForm = roleForm();
        passwordForm = passwordForm();
        viewModel.formProperty().addListener((obs, old, form) -> show(form));
        show(viewModel.formProperty().get());
    }

    private void show(StaffViewModel.Form form) {
        boolean open = form != StaffViewModel.Form.NONE;
        setVisible(open);
        setManaged(open);
        switch (form) {
            case ADD -> getChildren().setAll(addForm);
            case ROLE -> getChildren().setAll(roleForm);
            case PASSWORD -> getChildren().setAll(passwordForm);
            case NONE -> getChildren().clear();
        }
    }

    private FormPanel addForm() {
        FormPanel panel = new FormPanel("staffAddForm", "Add a staff member");
        text(panel, new TextField(), "newStaffLogin", "Login", viewModel.newLoginProperty(), viewModel.newLoginProblem())
                .setPromptText("e.g. jordan_lee");
        text(panel, new TextField(), "newStaffName", "Name", viewModel.newNameProperty(), viewModel.newNameProblem())
                .setPromptText("e.g. Jordan Lee");
        panel.labelled("Role", roleBox("newStaffRole", viewModel.newRoleProperty()));
        text(panel, new PasswordField(), "newStaffPassword", "Password", viewModel.newPasswordProperty(),
                viewModel.newPasswordProblem());
        text(panel, new PasswordField(), "newStaffConfirm", "Repeat the password", viewModel.newConfirmProperty(),
                viewModel.newConfirmProblem());
        return panel.note("They sign in with this login and password (at least " + StaffRules.MIN_PASSWORD_LENGTH
                        + " characters). Tower never stores or logs passwords.")
                .actions(actions("createStaffButton", viewModel.createCommand()));
    }

    private FormPanel roleForm() {
        FormPanel panel = new FormPanel("staffRoleForm", "Change role").add(subject());
        panel.labelled("New role", roleBox("roleChoice", viewModel.roleChoiceProperty()));
        return panel.note("The new role applies the next time they sign in. Tower keeps at least one active admin.")
                .actions(actions("applyRoleButton", viewModel.changeRoleCommand()));
    }

    private FormPanel passwordForm() {
        FormPanel panel = new FormPanel("staffPasswordForm", "Reset password").add(subject());
        text(panel, new PasswordField(), "resetPasswordField", "New password", viewModel.resetPasswordProperty(),
                viewModel.resetPasswordProblem());
        text(panel, new PasswordField(), "resetConfirmField", "Repeat the password", viewModel.resetConfirmProperty(),
                viewModel.resetConfirmProblem());
        return panel.note("Give it to them in person; they keep using their login as before.")
                .actions(actions("applyPasswordButton", viewModel.resetPasswordCommand()));
    }

    /**
     * A labelled text field with its problem line. The ViewModel's rules read more than one field (a
     * password may not contain the login), so its problems are bindings rather than kit {@code Field}s.
     */
    private static <C extends TextInputControl> C text(FormPanel panel, C control, String id, String label,
                                                       StringProperty value, StringBinding problem) {
        control.setId(id);
        control.textProperty().bindBidirectional(value);
        panel.add(Fields.label(label, control), control, Fields.problem(id + "Problem", problem, control));
        return control;
    }

    private static ComboBox<Role> roleBox(String id, ObjectProperty<Role> value) {
        ComboBox<Role> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Role.values());
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role role) {
                return role == null ? "" : role.label();
            }

            @Override
            public Role fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** Whom the form acts on: the selected member, kept current. */
    private Label subject() {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            StaffMember member = viewModel.selectedProperty().get();
            return member == null ? "" : member.displayName() + " (" + member.login() + ")";
        }, viewModel.selectedProperty()));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private Button[] actions(String id, Command command) {
        Button apply = Buttons.accent(id, command, Feather.CHECK);
        apply.setDefaultButton(true);
        Button cancel = Buttons.of("cancelStaffForm", viewModel.cancel(), null);
        cancel.setCancelButton(true);
        return new Button[] {apply, cancel};
    }
}
