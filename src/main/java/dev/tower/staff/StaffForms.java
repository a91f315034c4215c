package dev.tower.staff;

import atlantafx.base.theme.Styles;
import dev.tower.security.Role;
import dev.tower.ui.controls.Fields;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * The Staff screen's side panel: the form the ViewModel has open (add a login, change the selected
 * member's role, or set their new password), hidden while none is. Problems show under each field as
 * people type; the command stays disabled until the form is complete.
 */
final class StaffForms extends VBox {
    private static final double WIDTH = 300;

    private final StaffViewModel viewModel;
    private final List<Node> addForm;
    private final List<Node> roleForm;
    private final List<Node> passwordForm;

    StaffForms(StaffViewModel viewModel) {
        this.viewModel = viewModel;
        setId("staffFormPanel");
        getStyleClass().add("side-panel");
        setSpacing(6);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        // built once and swapped: the fields stay bound to the same ViewModel properties throughout
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

    private List<Node> addForm() {
        TextField login = textField("newStaffLogin", "e.g. jordan_lee", viewModel.newLoginProperty());
        TextField name = textField("newStaffName", "e.g. Jordan Lee", viewModel.newNameProperty());
        ComboBox<Role> role = roleBox("newStaffRole");
        role.valueProperty().bindBidirectional(viewModel.newRoleProperty());
        PasswordField password = passwordField("newStaffPassword", viewModel.newPasswordProperty());
        PasswordField confirm = passwordField("newStaffConfirm", viewModel.newConfirmProperty());

        List<Node> nodes = new ArrayList<>(List.of(title("Add a staff member", Feather.USER_PLUS)));
        nodes.addAll(field("Login", login, "newStaffLoginProblem", viewModel.newLoginProblem()));
        nodes.addAll(field("Name", name, "newStaffNameProblem", viewModel.newNameProblem()));
        nodes.addAll(List.of(Fields.label("Role", role), role));
        nodes.addAll(field("Password", password, "newStaffPasswordProblem", viewModel.newPasswordProblem()));
        nodes.addAll(field("Repeat the password", confirm, "newStaffConfirmProblem", viewModel.newConfirmProblem()));
        nodes.add(note("They sign in with this login and password (at least " + StaffRules.MIN_PASSWORD_LENGTH
                + " characters). Tower never stores or logs passwords."));
        nodes.add(actions("createStaffButton", "Add staff", viewModel.canCreateProperty(), viewModel::create));
        return nodes;
    }

    private List<Node> roleForm() {
        ComboBox<Role> role = roleBox("roleChoice");
        role.valueProperty().bindBidirectional(viewModel.roleChoiceProperty());
        List<Node> nodes = new ArrayList<>(List.of(title("Change role", Feather.SHIELD), subject()));
        nodes.addAll(List.of(Fields.label("New role", role), role));
        nodes.add(note("The new role applies the next time they sign in. Tower keeps at least one active admin."));
        nodes.add(actions("applyRoleButton", "Change role", viewModel.canChangeRoleProperty(), viewModel::changeRole));
        return nodes;
    }

    private List<Node> passwordForm() {
        PasswordField password = passwordField("resetPasswordField", viewModel.resetPasswordProperty());
        PasswordField confirm = passwordField("resetConfirmField", viewModel.resetConfirmProperty());
        List<Node> nodes = new ArrayList<>(List.of(title("Reset password", Feather.KEY), subject()));
        nodes.addAll(field("New password", password, "resetPasswordProblem", viewModel.resetPasswordProblem()));
        nodes.addAll(field("Repeat the password", confirm, "resetConfirmProblem", viewModel.resetConfirmProblem()));
        nodes.add(note("Give it to them in person; they keep using their login as before."));
        nodes.add(actions("applyPasswordButton", "Set password", viewModel.canResetPasswordProperty(), viewModel::resetPassword));
        return nodes;
    }

    private static List<Node> field(String label, Node field, String problemId, StringBinding problem) {
        return List.of(Fields.label(label, field), field, Fields.problem(problemId, problem, field));
    }

    private static TextField textField(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static PasswordField passwordField(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ComboBox<Role> roleBox(String id) {
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
        return box;
    }

    private static HBox title(String text, Feather icon) {
        Label title = new Label(text, new FontIcon(icon));
        title.getStyleClass().add(Styles.TITLE_4);
        HBox box = new HBox(title);
        box.getStyleClass().add("side-panel-title");
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

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "side-panel-note");
        return note;
    }

    private HBox actions(String id, String text, BooleanBinding enabled, Runnable command) {
        Button apply = new Button(text, new FontIcon(Feather.CHECK));
        apply.setId(id);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        apply.disableProperty().bind(Bindings.not(enabled));
        apply.setOnAction(e -> command.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelStaffForm");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> viewModel.cancelForm());
        HBox row = new HBox(8, apply, cancel);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.getStyleClass().add("side-panel-actions");
        return row;
    }
}
