package dev.tower.dispute;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.KeysetTable;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.UUID;

/**
 * The Disputes section: the queue of open disputes by due time (overdue ones marked) with its filters,
 * the selected dispute with its refunds and resolution form beside it, and the approvals queue in a
 * second tab (built by the composition root, since it belongs to the refund feature).
 */
public final class DisputesView extends StackPane {
    private final DisputeQueueViewModel viewModel;
    private final TabPane tabs = new TabPane();
    private final DisputeDetailPane detail;

    public DisputesView(DisputeQueueViewModel viewModel, Node approvals) {
        this.viewModel = viewModel;
        setId("disputesView");
        KeysetTable<DisputeRow> queue = new KeysetTable<>("disputesTable", viewModel.list(), viewModel.state(),
                "No open disputes match.");
        columns(queue);
        Tables.bindSelection(queue.table(), viewModel.selectedProperty());
        VBox left = new VBox(8, filters(), queue);
        VBox.setVgrow(queue, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        detail = new DisputeDetailPane(viewModel);
        // the detail keeps its width, or its buttons wrap and push the resolution form below the window;
        // a narrow window squeezes the queue instead (to its columns' minimum widths, then a scroll bar)
        detail.setPrefWidth(345);
        detail.setMinWidth(345);
        left.setMinWidth(0);
        HBox body = new HBox(12, left, detail);
        ScreenFrame frame = new ScreenFrame("disputes", "", viewModel.state(), body)
                .onEachShow(viewModel::load);
        Tab queueTab = new Tab("Open disputes", frame);
        queueTab.setId("disputesQueueTab");
        Tab approvalsTab = new Tab("Refunds awaiting approval", approvals);
        approvalsTab.setId("disputesApprovalsTab");
        tabs.getTabs().addAll(queueTab, approvalsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getChildren().add(tabs);
    }

    /** Opens one dispute (a link into the section). */
    public void openDispute(UUID dispute) {
        tabs.getSelectionModel().selectFirst();
        viewModel.showDetail(dispute);
    }

    /** Where the evidence pack is saved instead of asking with a file chooser (headless tests, scripted use). */
    public void setSavePicker(java.util.function.Function<String, java.nio.file.Path> picker) {
        detail.setSavePicker(picker);
    }

    private Node filters() {
        TextField due = new TextField();
        due.setId("disputesDueWithin");
        due.setPromptText("Due within h");
        due.setPrefColumnCount(7);
        due.textProperty().bindBidirectional(viewModel.dueWithin().textProperty());
        ComboBox<Choice> reason = combo("disputesReasonFilter", "Any reason", viewModel.reasons(), viewModel.reasonProperty());
        ComboBox<AreaChoice> area = combo("disputesAreaFilter", "Any area", viewModel.areas(), viewModel.areaProperty());
        ComboBox<Choice> assignee = combo("disputesAssigneeFilter", "Anyone", viewModel.assignees(), viewModel.assigneeProperty());
        CheckBox unassigned = new CheckBox("Unassigned");
        unassigned.setId("disputesUnassigned");
        unassigned.selectedProperty().bindBidirectional(viewModel.unassignedOnlyProperty());
        Button apply = Buttons.of("disputesApplyFilters", viewModel.applyFilters(), Feather.FILTER);
        Button clear = new Button("Clear");
        clear.setId("disputesClearFilters");
        clear.setOnAction(e -> {
            due.clear();
            reason.setValue(null);
            area.setValue(null);
            assignee.setValue(null);
            unassigned.setSelected(false);
            viewModel.reload();
        });
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.dueWithin().problem());
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, due, reason, area, assignee, unassigned, apply, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().forEach(n -> {
            n.getStyleClass().add(Styles.SMALL);
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        return new VBox(4, bar, problem);
    }

    private static <T> ComboBox<T> combo(String id, String prompt, javafx.collections.ObservableList<T> items,
                                         javafx.beans.property.ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setPromptText(prompt);
        box.setPrefWidth(135);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** On the row of an overdue dispute: tower.css colours its due time and icon with the theme's danger colour. */
    static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    /** The id of a dispute's row in the queue, so tests (and people reading a scene dump) find it. */
    static String rowId(DisputeRow row) {
        return "disputeRow-" + row.id();
    }

    /*
     * Widths fit the longest usual value at 1280x800 (order numbers "SM-00000000", amounts "$12,345.67",
     * "late 28 d"); the reason takes what is left and, like the assignee, shows its whole text in a tooltip.
     */
    private void columns(KeysetTable<DisputeRow> queue) {
        TableView<DisputeRow> table = queue.table();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DisputeRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean present = !empty && row != null;
                pseudoClassStateChanged(OVERDUE, present && row.overdue());
                setId(present ? rowId(row) : null);
            }
        });
        TableColumn<DisputeRow, DisputeRow> due = new TableColumn<>("Due");
        due.setPrefWidth(112);
        due.setMinWidth(110);
        due.setSortable(false);
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        due.setCellFactory(col -> new TableCell<>() {
            private final FontIcon late = new FontIcon(Feather.ALERT_TRIANGLE);

            {
                getStyleClass().add("due-cell");
                late.getStyleClass().add("overdue-icon");
            }

            @Override
            protected void updateItem(DisputeRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    String text = viewModel.dueText(row);
                    setText(text.replace("overdue by ", "late ").replace("due in ", "in "));
                    // the icon, not only the colour, says "late": readable without colour vision too
                    setGraphic(row.overdue() ? late : null);
                    setTooltip(new Tooltip(capitalised(text)));
                }
            }
        });
        table.getColumns().add(due);
        table.getColumns().add(Tables.textColumn("Age", 52, 46, viewModel::ageText));
        table.getColumns().add(Tables.textColumn("Booking", 124, 118, DisputeRow::orderNumber));
        table.getColumns().add(Tables.textColumn("At stake", 92, 84,
                r -> dev.tower.ui.kit.Money.rounded(r.atStake(), dev.tower.ui.kit.Money.USD).display()));
        table.getColumns().add(Tables.tooltipColumn("Assignee", 96, 70,
                r -> r.assignedTo() == null ? "—" : r.assigneeName() == null ? r.assignedTo() : r.assigneeName()));
        table.getColumns().add(Tables.tooltipColumn("Reason", 160, 90, DisputeRow::reason));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
