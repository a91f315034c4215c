package dev.tower.audit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.KeysetTable;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Audit log screen on the kit's frame: filters on top, entries (a keyset table with "Load more")
 * above the selected entry's changes, the chain check and its checkpoints beside the filters, and
 * "Open record" for an entry about a booking. Talks to its ViewModel only.
 */
public final class AuditView extends StackPane {
    private static final double DETAIL_MIN_HEIGHT = 150;

    private final AuditViewModel viewModel;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
        setId("auditView");
        getStyleClass().add("admin-screen");

        // list above, selected entry below: the table keeps the full width its six columns need
        AuditDetailPane detail = new AuditDetailPane(viewModel);
        detail.setMinHeight(DETAIL_MIN_HEIGHT);
        KeysetTable<AuditEntry> entries = entries();
        entries.setMinHeight(DETAIL_MIN_HEIGHT);
        entries.getStyleClass().add("audit-entries");
        SplitPane body = new SplitPane(entries, detail);
        body.setId("auditSplit");
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        body.getStyleClass().add("audit-split");
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox column = new VBox(12, new AuditFilterBar(viewModel, chainCheck()), body);
        getChildren().add(new ScreenFrame("audit", "", viewModel.state(), column).onEachShow(viewModel::load));
    }

    private KeysetTable<AuditEntry> entries() {
        KeysetTable<AuditEntry> keyset = new KeysetTable<>("auditTable", viewModel.list(), viewModel.state(),
                "No audit entries match these filters.");
        TableView<AuditEntry> table = keyset.table();
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Tables.<AuditEntry>textColumn("#", 60, 60, e -> Long.toString(e.seq())),
                Tables.<AuditEntry>textColumn(viewModel.timeHeader(), 170, 170, viewModel::timeText),
                Tables.<AuditEntry>textColumn("Actor", 120, 120, AuditEntry::actorLogin),
                Tables.<AuditEntry>textColumn("Action", 300, 200, AuditWording::headline),
                Tables.<AuditEntry>textColumn("Area", 110, 90, e -> AuditWording.table(e.tableName())),
                Tables.<AuditEntry>textColumn("Record", 120, 120, AuditEntry::recordId)));
        Tables.bindSelection(table, viewModel.selectedProperty());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.openRecordCommand().execute();
            }
        });
        return keyset;
    }

    /** Open record, the chain check with its result (coloured, with an icon), and the checkpoint menu. */
    private HBox chainCheck() {
        Button open = Buttons.styled("auditOpenRecord", viewModel.openRecordCommand(), Feather.EXTERNAL_LINK, Styles.FLAT);
        open.setTooltip(new Tooltip("Open the booking this entry is about; Back returns here"));

        Button check = Buttons.styled("checkChainButton", viewModel.checkChainCommand(), Feather.LINK, Styles.BUTTON_OUTLINED);
        check.setTooltip(new Tooltip(viewModel.mayVerifyChain()
                ? "Recompute every entry's hash and check that none was changed, removed or reordered"
                : "Your role may not check the audit chain"));

        Label result = new Label();
        result.setId("chainResult");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.chainResultProperty());
        result.getStyleClass().add("chain-result");
        viewModel.chainIntactProperty().addListener((obs, old, intact) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            result.setGraphic(null);
            if (intact != null) {
                result.getStyleClass().add(intact ? Styles.SUCCESS : Styles.DANGER);
                result.setGraphic(new FontIcon(intact ? Feather.CHECK_CIRCLE : Feather.ALERT_OCTAGON));
            }
        });
        HBox row = new HBox(10, result, open, check);
        if (viewModel.mayVerifyChain()) {
            row.getChildren().add(checkpoints());
        }
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Save a checkpoint to a file kept elsewhere; later prove the log against it (all, or only what was added). */
    private MenuButton checkpoints() {
        MenuItem save = new MenuItem("Save a checkpoint\u2026", new FontIcon(Feather.DOWNLOAD));
        save.setId("auditSaveCheckpoint");
        save.setOnAction(e -> chooseFile(true, viewModel::exportCheckpoint));
        MenuItem against = new MenuItem("Verify against a checkpoint\u2026", new FontIcon(Feather.SHIELD));
        against.setId("auditVerifyCheckpoint");
        against.setOnAction(e -> chooseFile(false, viewModel::verifyAgainst));
        MenuItem since = new MenuItem("Check only what was added since a checkpoint\u2026", new FontIcon(Feather.FAST_FORWARD));
        since.setId("auditVerifySince");
        since.setOnAction(e -> chooseFile(false, viewModel::verifyFrom));
        MenuButton menu = new MenuButton("Checkpoint", new FontIcon(Feather.BOOKMARK), save, against, since);
        menu.setId("auditCheckpointMenu");
        menu.getStyleClass().add(Styles.BUTTON_OUTLINED);
        menu.setMinWidth(USE_PREF_SIZE);
        menu.disableProperty().bind(viewModel.checkChainCommand().executable().not());
        return menu;
    }

    private void chooseFile(boolean save, Consumer<Path> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save the audit checkpoint" : "Open an audit checkpoint");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit checkpoints", "*.checkpoint", "*.txt"));
        if (save) {
            chooser.setInitialFileName("tower-audit.checkpoint");
        }
        File file = save ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            then.accept(file.toPath());
        }
    }
}
