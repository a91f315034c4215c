package dev.tower.analytics;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.NodeImages;
import dev.tower.ui.controls.SaveDialog;
import dev.tower.ui.kit.ExportTable;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * One dashboard: its age and refresh, its chart or (toggled) a table of the same numbers, and the CSV
 * and PNG exports of what it shows.
 */
final class DashboardPane extends BorderPane {
    private final DashboardKind kind;
    private final AnalyticsViewModel vm;
    private final DashboardCharts charts;
    private final SaveDialog saveDialog;
    private final StackPane chartHolder = new StackPane();
    private final TableView<List<String>> table = new TableView<>();
    private final ToggleButton showTable = new ToggleButton("Table");

    DashboardPane(DashboardKind kind, AnalyticsViewModel vm, DashboardCharts charts, SaveDialog saveDialog) {
        this.kind = kind;
        this.vm = vm;
        this.charts = charts;
        this.saveDialog = saveDialog;
        setId("dashboard-" + kind.key());
        Label age = new Label();
        age.setId("age-" + kind.key());
        age.getStyleClass().add(Styles.TEXT_MUTED);
        age.textProperty().bind(vm.ageProperty(kind));

        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-" + kind.key());
        refresh.setVisible(vm.mayRefresh());
        refresh.setManaged(vm.mayRefresh());
        refresh.disableProperty().bind(vm.state().busyProperty());
        refresh.setOnAction(e -> vm.refresh(kind));

        showTable.setId("table-" + kind.key());
        showTable.setGraphic(new FontIcon(Feather.LIST));
        Button csv = new Button("CSV", new FontIcon(Feather.DOWNLOAD));
        csv.setId("csv-" + kind.key());
        csv.setOnAction(e -> saveCsv());
        Button png = new Button("PNG", new FontIcon(Feather.IMAGE));
        png.setId("png-" + kind.key());
        png.setOnAction(e -> savePng());
        for (Button b : List.of(csv, png)) {
            b.setVisible(vm.mayExport());
            b.setManaged(vm.mayExport());
            b.disableProperty().bind(vm.dashboardsProperty().isNull().or(vm.state().busyProperty()));
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, age, gap, refresh, showTable, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        setTop(bar);

        table.setId("rows-" + kind.key());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        chartHolder.setId("chartHolder-" + kind.key());
        chartHolder.setStyle("-fx-background-color: -color-bg-default;");
        table.visibleProperty().bind(showTable.selectedProperty());
        chartHolder.visibleProperty().bind(showTable.selectedProperty().not());
        setCenter(new StackPane(chartHolder, table));
        vm.dashboardsProperty().addListener((obs, old, d) -> show(d));
        show(vm.dashboardsProperty().get());
    }

    private void show(Dashboards d) {
        if (d == null) {
            return;
        }
        chartHolder.getChildren().setAll(charts.chart(kind, d));
        ExportTable rows = DashboardTables.of(kind, d);
        table.getColumns().clear();
        for (int i = 0; i < rows.columns().size(); i++) {
            int column = i;
            TableColumn<List<String>, String> c = new TableColumn<>(rows.columns().get(i));
            c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(column)));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.getItems().setAll(rows.rows());
        table.setPlaceholder(new Label("Nothing in this period."));
    }

    private String fileName(String extension) {
        Dashboards d = vm.dashboardsProperty().get();
        return kind.key() + "-" + d.filter().from() + "-to-" + d.filter().to() + "." + extension;
    }

    private void saveCsv() {
        saveDialog.choose(getScene().getWindow(), fileName("csv"), "csv").ifPresent(file -> vm.exportCsv(kind, file));
    }

    private void savePng() {
        byte[] image = NodeImages.png(chartHolder);
        saveDialog.choose(getScene().getWindow(), fileName("png"), "png").ifPresent(file -> vm.exportPng(kind, image, file));
    }
}
