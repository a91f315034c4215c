package dev.tower.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.Tables;
import dev.tower.ui.controls.ViewLifecycle;
import dev.tower.ui.controls.ErrorBanner;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The Audit log screen: filters on top, entries on the left with "Load more" below them, the selected
 * entry's changes on the right, and the chain check. Talks to its ViewModel only.
 */
public final class AuditView extends StackPane {
    private static final double DETAIL_MIN_HEIGHT = 150;

    private final AuditViewModel viewModel;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
        setId("auditView");
        getStyleClass().add("admin-screen");

        ErrorBanner error = new ErrorBanner("auditError");
        error.bind(viewModel.errorProperty());

        // list above, selected entry below: the table keeps the full width its six columns need
        AuditDetailPane detail = new AuditDetailPane(viewModel);
        detail.setMinHeight(DETAIL_MIN_HEIGHT);
        VBox entries = entries();
        entries.setMinHeight(DETAIL_MIN_HEIGHT);
        SplitPane body = new SplitPane(entries, detail);
        body.setId("auditSplit");
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        body.getStyleClass().add("audit-split");
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox column = new VBox(12, new AuditFilterBar(viewModel, chainCheck()), error, body);
        BusyOverlay overlay = new BusyOverlay("auditProgress", column);
        overlay.bind(viewModel.busyProperty(), viewModel.busyMessageProperty());
        getChildren().add(overlay);

        ViewLifecycle.onEachShow(this, viewModel::load);
    }

    private VBox entries() {
        TableView<AuditEntry> table = new TableView<>(viewModel.entries());
        table.setId("auditTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE, "admin-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Tables.placeholder(table, "No audit entries match these filters.");
        table.getColumns().setAll(List.of(
                Tables.<AuditEntry>textColumn("#", 60, 60, e -> Long.toString(e.seq())),
                Tables.<AuditEntry>textColumn(viewModel.timeHeader(), 170, 170, viewModel::timeText),
                Tables.<AuditEntry>textColumn("Actor", 120, 120, AuditEntry::actorLogin),
                Tables.<AuditEntry>textColumn("Action", 170, 170, e -> e.actionName() == null ? e.action() : e.actionName()),
                Tables.<AuditEntry>textColumn("Table", 140, 140, AuditEntry::tableName),
                Tables.<AuditEntry>textColumn("Record", 120, 120, AuditEntry::recordId)));
        Tables.bindSelection(table, viewModel.selectedProperty());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.textProperty().bind(viewModel.summaryProperty());
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId("auditLoadMoreButton");
        more.disableProperty().bind(viewModel.canLoadMoreProperty().not());
        more.setOnAction(e -> viewModel.loadMore());
        HBox footer = new HBox(8, summary, new Spacer(), more);
        footer.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, table, footer);
        box.getStyleClass().add("audit-entries");
        return box;
    }

    /** The chain check: its result (coloured, with an icon) to the left of the button. */
    private HBox chainCheck() {
        Button check = new Button("Check chain integrity", new FontIcon(Feather.LINK));
        check.setId("checkChainButton");
        check.getStyleClass().add(Styles.BUTTON_OUTLINED);
        check.setMinWidth(USE_PREF_SIZE);
        check.disableProperty().bind(viewModel.canCheckChainProperty().not());
        check.setOnAction(e -> viewModel.checkChain());
        check.setTooltip(new Tooltip(viewModel.mayVerifyChain()
                ? "Recompute every entry's hash and check that none was changed, removed or reordered"
                : "Your role may not check the audit chain"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("chainProgress");
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(viewModel.chainBusyProperty());
        spinner.managedProperty().bind(viewModel.chainBusyProperty());

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
        HBox row = new HBox(10, result, spinner, check);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** @param width what the column needs without truncating the usual values; also its minimum */}
