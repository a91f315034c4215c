package dev.tower.schema;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The database health screen: sessions (who blocks whom), slowest statements, tables, unused indexes. */
public final class HealthView extends StackPane {
    private final HealthViewModel viewModel;

    public HealthView(HealthViewModel viewModel) {
        this.viewModel = viewModel;
        setId("healthView");

        TabPane tabs = new TabPane(
                new Tab("Sessions", sessions()), new Tab("Slowest statements", statements()),
                new Tab("Tables", tables()), new Tab("Unused indexes", unusedIndexes()));
        tabs.setId("healthTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        getChildren().add(new ScreenFrame("health", "", viewModel.state(), tabs)
                .summary("healthSummary", viewModel.summaryProperty())
                .tools(Buttons.styled("reloadHealth", viewModel.reload(), Feather.REFRESH_CW, Styles.FLAT),
                        Buttons.styled("analyzeTable", viewModel.analyze(), Feather.BAR_CHART, Styles.BUTTON_OUTLINED),
                        Buttons.styled("cancelStatement", viewModel.cancel(), Feather.X_OCTAGON, Styles.DANGER))
                .confirmations(viewModel.confirmations()).onEachShow(viewModel::load));
    }

    private static <T> TableView<T> table(String id, javafx.collections.ObservableList<T> items, String empty) {
        TableView<T> t = new TableView<>(items);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add(Styles.DENSE);
        Tables.placeholder(t, empty);
        return t;
    }

    private TableView<HealthDao.SessionRow> sessions() {
        TableView<HealthDao.SessionRow> t = table("healthSessions", viewModel.sessions(), "No client sessions.");
        t.getColumns().add(Tables.textColumn("PID", 60, 50, s -> String.valueOf(s.pid())));
        t.getColumns().add(Tables.textColumn("Login", 100, 70, HealthDao.SessionRow::login));
        t.getColumns().add(Tables.textColumn("Application", 110, 70, HealthDao.SessionRow::application));
        t.getColumns().add(Tables.textColumn("State", 70, 50, s -> s.state() == null ? "" : s.state()));
        t.getColumns().add(Tables.textColumn("Since", 110, 90, s -> viewModel.time(s.queryStart())));
        t.getColumns().add(Tables.textColumn("Waiting on", 100, 70,
                s -> s.waitEventType() == null ? "" : s.waitEventType() + ": " + s.waitEvent()));
        t.getColumns().add(Tables.textColumn("Blocked by", 80, 60, HealthViewModel::blockers));
        t.getColumns().add(Tables.textColumn("Query", 300, 100, s -> HealthViewModel.abbreviate(s.query())));
        Tables.bindSelection(t, viewModel.selectedSessionProperty());
        return t;
    }

    private VBox statements() {
        Label problem = new Label();
        problem.setId("statementsProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.textProperty().bind(viewModel.statementsProblemProperty());
        problem.visibleProperty().bind(viewModel.statementsProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        TableView<HealthDao.SlowStatement> t = table("healthStatements", viewModel.statements(), "No statements recorded yet.");
        t.getColumns().add(Tables.textColumn("Mean", 80, 60, s -> String.format("%,.1f ms", s.meanMs())));
        t.getColumns().add(Tables.textColumn("Calls", 70, 50, s -> String.format("%,d", s.calls())));
        t.getColumns().add(Tables.textColumn("Total", 90, 60, s -> String.format("%,.0f ms", s.totalMs())));
        t.getColumns().add(Tables.textColumn("Rows", 70, 50, s -> String.format("%,d", s.rows())));
        t.getColumns().add(Tables.textColumn("Statement", 500, 100, s -> HealthViewModel.abbreviate(s.query())));
        VBox box = new VBox(8, problem, t);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    private TableView<HealthDao.TableHealth> tables() {
        TableView<HealthDao.TableHealth> t = table("healthTables", viewModel.tables(), "No tables.");
        t.getColumns().add(Tables.textColumn("Table", 160, 100, HealthDao.TableHealth::tableName));
        t.getColumns().add(Tables.textColumn("Total", 80, 60, r -> HealthViewModel.bytes(r.totalBytes())));
        t.getColumns().add(Tables.textColumn("Indexes", 80, 60, r -> HealthViewModel.bytes(r.indexBytes())));
        t.getColumns().add(Tables.textColumn("Rows", 80, 60, r -> String.format("%,d", r.liveRows())));
        t.getColumns().add(Tables.textColumn("Growth", 90, 60, r -> String.format("%+,d", r.netRowsAdded())));
        t.getColumns().add(Tables.textColumn("Dead rows", 80, 60, r -> String.format("%,d", r.deadRows())));
        t.getColumns().add(Tables.textColumn("Last vacuum", 120, 90, r -> viewModel.time(r.lastVacuum())));
        t.getColumns().add(Tables.textColumn("Last analyze", 120, 90, r -> viewModel.time(r.lastAnalyze())));
        javafx.scene.control.Tooltip.install(t, new javafx.scene.control.Tooltip("Sizes from page counts as of the last"
                + " VACUUM/ANALYZE. Growth: rows inserted minus rows deleted since statistics were reset."));
        Tables.bindSelection(t, viewModel.selectedTableProperty());
        return t;
    }

    private TableView<HealthDao.UnusedIndex> unusedIndexes() {
        TableView<HealthDao.UnusedIndex> t = table("healthUnusedIndexes", viewModel.unusedIndexes(),
                "Every index has been used since statistics were reset.");
        t.getColumns().add(Tables.textColumn("Index", 260, 120, HealthDao.UnusedIndex::indexName));
        t.getColumns().add(Tables.textColumn("Table", 160, 100, HealthDao.UnusedIndex::tableName));
        t.getColumns().add(Tables.textColumn("Size", 80, 60, i -> HealthViewModel.bytes(i.bytes())));
        return t;
    }
}
