package dev.tower.audit;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected audit entry under the list: who, when, what, then one row per field with its value
 * before → after. Fields that did not change are muted; values are the JSON the database stored, "—"
 * where there was none.
 */
final class AuditDetailPane extends VBox {
    private final AuditViewModel viewModel;
    private final Label title = new Label();
    private final Label who = new Label();
    private final Label what = new Label();
    private final GridPane grid = new GridPane();
    private final Label empty = new Label("Select an entry to see what changed.");

    AuditDetailPane(AuditViewModel viewModel) {
        this.viewModel = viewModel;
        setId("auditDetail");
        getStyleClass().add("detail-pane");
        setSpacing(8);

        title.setId("auditDetailTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(USE_PREF_SIZE);
        who.setId("auditDetailWho");
        who.setMinWidth(USE_PREF_SIZE);
        what.setId("auditDetailWhat");
        what.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("auditDetailProgress");
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(viewModel.detailBusyProperty());
        spinner.managedProperty().bind(viewModel.detailBusyProperty());
        HBox header = new HBox(12, title, who, what, spinner);
        header.setAlignment(Pos.CENTER_LEFT);

        grid.setId("auditChanges");
        grid.getStyleClass().add("change-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().setAll(column(24), column(36), new ColumnConstraints(), column(36));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll(Styles.FLAT, "change-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        empty.setId("auditDetailEmpty");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setGraphic(new FontIcon(Feather.MOUSE_POINTER));

        getChildren().setAll(header, scroll, empty);
        viewModel.selectedProperty().addListener((obs, old, now) -> showEntry(now));
        viewModel.changes().addListener((ListChangeListener<FieldChange>) c -> showChanges());
        showEntry(viewModel.selectedProperty().get());
    }

    private void showEntry(AuditEntry entry) {
        boolean present = entry != null;
        for (var node : getChildren()) {
            boolean show = node == empty ? !present : present;
            node.setVisible(show);
            node.setManaged(show);
        }
        if (present) {
            title.setText("Entry #" + entry.seq());
            who.setText(entry.actorLogin() + " \u00B7 " + viewModel.timeText(entry));
            what.setText(AuditWording.headline(entry) + "\n" + AuditWording.internal(entry));
        }
        showChanges();
    }

    private void showChanges() {
        grid.getChildren().clear();
        if (viewModel.changes().isEmpty()) {
            return;
        }
        grid.addRow(0, heading("Field"), heading("Before"), new Label(), heading("After"));
        int row = 1;
        for (FieldChange change : viewModel.changes()) {
            Label field = new Label(change.field());
            field.getStyleClass().add(Styles.TEXT_BOLD);
            Label before = value("changeOld-" + change.field(), change.oldValue());
            Label after = value("changeNew-" + change.field(), change.newValue());
            FontIcon arrow = new FontIcon(Feather.ARROW_RIGHT);
            arrow.getStyleClass().add("change-arrow");
            if (change.changed()) {
                if (change.oldValue() != null) {
                    before.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_STRIKETHROUGH);
                }
                after.getStyleClass().add(Styles.SUCCESS);
            } else {
                field.getStyleClass().add(Styles.TEXT_MUTED);
                before.getStyleClass().add(Styles.TEXT_MUTED);
                after.getStyleClass().add(Styles.TEXT_MUTED);
            }
            grid.addRow(row++, field, before, arrow, after);
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints column = new ColumnConstraints();
        column.setPercentWidth(percent);
        column.setFillWidth(true);
        return column;
    }

    private static Label value(String id, String json) {
        Label label = new Label(json == null ? "\u2014" : json);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("change-value");
        return label;
    }
}
