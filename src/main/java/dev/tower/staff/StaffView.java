package dev.tower.staff;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;


/**
 * The Staff screen: who may sign in to Tower, with which role, and the actions on the selected login.
 * Forms open in a side panel ({@link StaffForms}). Talks to its ViewModel only.
 */
public final class StaffView extends StackPane {
    private final StaffViewModel viewModel;
    private final TableView<StaffMember> table = new TableView<>();

    public StaffView(StaffViewModel viewModel) {
        this.viewModel = viewModel;
        setId("staffView");
        getStyleClass().add("admin-screen");

        StaffForms forms = new StaffForms(viewModel);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(16, table(), forms); // each form scrolls itself (kit FormPanel)
        body.setAlignment(Pos.TOP_LEFT);

        VBox column = new VBox(12, toolbar(), body);
        VBox.setVgrow(body, Priority.ALWAYS);
        ScreenFrame frame = new ScreenFrame("staff", "", viewModel.state(), column)
                .confirmations(viewModel.confirmations())
                .onEachShow(viewModel::load);
        getChildren().add(frame);
    }

    private HBox toolbar() {
        Button add = Buttons.accent("addStaffButton", viewModel.addStaff(), Feather.USER_PLUS);
        Button role = Buttons.of("changeRoleButton", viewModel.startRoleChangeCommand(), Feather.SHIELD);
        Button toggle = Buttons.of("toggleDisabledButton", viewModel.toggleDisabledCommand(), Feather.SLASH);
        toggle.textProperty().bind(viewModel.toggleDisabledLabel());
        toggle.textProperty().addListener((obs, old, text) ->
                toggle.setGraphic(new FontIcon("Enable".equals(text) ? Feather.CHECK_CIRCLE : Feather.SLASH)));
        Tooltip hint = new Tooltip();
        hint.textProperty().bind(viewModel.toggleDisabledHint());
        toggle.setTooltip(hint);
        Button password = Buttons.of("resetPasswordButton", viewModel.startPasswordResetCommand(), Feather.KEY);

        Button refresh = Buttons.styled("refreshStaffButton", viewModel.reload(), Feather.REFRESH_CW, Styles.BUTTON_ICON);
        refresh.setText(null); // an icon button; the command's label is its tooltip
        refresh.getStyleClass().add(Styles.FLAT);
        refresh.setTooltip(new Tooltip(viewModel.reload().label()));

        HBox bar = new HBox(8, add, role, toggle, password, new Spacer(), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<StaffMember> table() {
        table.setId("staffTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "admin-table");
        table.setItems(viewModel.staff());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Tables.placeholder(table, "No staff logins yet. Add the first with \u201CAdd staff\u201D.");
        table.getColumns().setAll(java.util.List.of(
                Tables.<StaffMember>textColumn("Name", 170, 140, viewModel::nameText),
                Tables.<StaffMember>textColumn("Login", 120, 100, StaffMember::login),
                Tables.<StaffMember>textColumn("Role", 100, 95, m -> m.role().label()),
                statusColumn(),
                Tables.<StaffMember>textColumn("Created", 100, 95, viewModel::createdText)));

        Tables.bindSelection(table, viewModel.selectedProperty());
        return table;
    }

    /**
     * Enabled (success colour) or disabled (danger colour), each with an icon so colour is not the only
     * sign; an enabled login that PostgreSQL will not let in (someone bypassed Tower) says so as a warning.
     */
    private static TableColumn<StaffMember, StaffMember> statusColumn() {
        TableColumn<StaffMember, StaffMember> column = new TableColumn<>("Status");
        column.setPrefWidth(110);
        column.setMinWidth(100);
        column.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StaffMember member, boolean empty) {
                super.updateItem(member, empty);
                if (empty || member == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label label;
                if (member.disabled()) {
                    label = new Label("Disabled", new FontIcon(Feather.SLASH));
                    label.getStyleClass().add(Styles.DANGER);
                } else if (!member.canLogIn()) {
                    label = new Label("Cannot sign in", new FontIcon(Feather.ALERT_TRIANGLE));
                    label.getStyleClass().add(Styles.WARNING);
                    label.setTooltip(new Tooltip("Enabled in Tower, but the database login has NOLOGIN."));
                } else {
                    label = new Label("Enabled", new FontIcon(Feather.CHECK));
                    label.getStyleClass().add(Styles.SUCCESS);
                }
                setGraphic(label);
                setText(null);
            }
        });
        return column;
    }
}
