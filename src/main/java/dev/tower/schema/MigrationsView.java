package dev.tower.schema;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The migrations panel: one row per migration (version, description, type, installed on and by, time,
 * state); rows that need attention are coloured and say why, the problem of the selected row is spelt out
 * under the table. Talks to its ViewModel only.
 */
public final class MigrationsView extends StackPane {
    private final MigrationsViewModel viewModel;

    public MigrationsView(MigrationsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("migrationsView");


        TableView<MigrationRow> table = table();
        Label detail = new Label();
        detail.setId("migrationProblem");
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> detail.setText(
                row == null ? "" : (row.script() == null ? "" : row.script() + ": ") + (row.problem().isEmpty()
                        ? "applied, matches its file." : row.problem())));

        ListView<String> problems = new ListView<>(viewModel.problems());
        problems.setId("schemaProblems");
        problems.setPrefHeight(90);
        problems.getStyleClass().add(Styles.DENSE);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        VBox column = new VBox(10, table, detail, problems);
        VBox.setVgrow(table, Priority.ALWAYS);
        ScreenFrame frame = new ScreenFrame("schema", "", viewModel.state(), column)
                .summary("schemaSummary", viewModel.summaryProperty())
                .tools(Buttons.styled("reloadSchema", viewModel.reload(), Feather.REFRESH_CW, Styles.FLAT),
                        Buttons.styled("validateSchema", viewModel.validate(), Feather.CHECK_CIRCLE, Styles.BUTTON_OUTLINED),
                        Buttons.styled("repairSchema", viewModel.repair(), Feather.TOOL, Styles.BUTTON_OUTLINED),
                        Buttons.styled("migrateSchema", viewModel.migrate(), Feather.PLAY, Styles.ACCENT))
                .confirmations(viewModel.confirmations())
                .onEachShow(viewModel::load);
        getChildren().add(frame);
    }

    private TableView<MigrationRow> table() {
        TableView<MigrationRow> table = new TableView<>(viewModel.rows());
        table.setId("migrationsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        Tables.placeholder(table, "No migrations known.");
        table.getColumns().add(Tables.textColumn("Version", 64, 56, MigrationRow::version));
        table.getColumns().add(Tables.textColumn("Description", 260, 120, MigrationRow::description));
        table.getColumns().add(Tables.textColumn("Type", 60, 50, MigrationRow::type));
        table.getColumns().add(Tables.textColumn("Installed on", 130, 110, r -> viewModel.installedOn(r.installedOn())));
        table.getColumns().add(Tables.textColumn("By", 100, 60, r -> r.installedBy() == null ? "" : r.installedBy()));
        table.getColumns().add(Tables.textColumn("Time", 64, 50,
                r -> r.executionMs() == null ? "" : String.format("%,d ms", r.executionMs())));
        TableColumn<MigrationRow, String> state = Tables.textColumn("State", 130, 110, r -> r.status().label());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
                MigrationRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(row == null || row.problem().isEmpty() ? null : new Tooltip(row.problem()));
                if (row != null) {
                    getStyleClass().add(switch (row.status()) {
                        case APPLIED -> Styles.SUCCESS;
                        case PENDING, IGNORED -> Styles.WARNING;
                        default -> Styles.DANGER;
                    });
                }
            }
        });
        table.getColumns().add(state);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MigrationRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(ATTENTION, !empty && row != null && row.status().needsAttention());
                setId(empty || row == null ? null : "migration-" + row.version().replace('.', '_'));
            }
        });
        table.getColumns().forEach(c -> c.setReorderable(false));
        return table;
    }

    private static final javafx.css.PseudoClass ATTENTION = javafx.css.PseudoClass.getPseudoClass("attention");
}
