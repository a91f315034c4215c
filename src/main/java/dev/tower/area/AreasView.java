package dev.tower.area;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.FormPanel;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.kit.Field;
import dev.tower.ui.map.CircleMap;
import dev.tower.ui.map.HeatCell;
import dev.tower.ui.map.MapArea;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.UUID;
import java.util.function.Function;

/**
 * The Service areas screen: the list with its counts and the editor on the left, the map on the right;
 * selecting in either selects in the other. Ops get the same screen without the editing controls.
 */
public final class AreasView extends StackPane {
    private final AreasViewModel viewModel;
    private final TableView<ServiceArea> table = new TableView<>();
    private final CircleMap<UUID> map = new CircleMap<>();
    private boolean syncing;

    public AreasView(AreasViewModel viewModel) {
        this.viewModel = viewModel;
        setId("areasView");
        VBox left = new VBox(10, table(), editor());
        left.setPrefWidth(450);
        left.setMinWidth(420);
        VBox.setVgrow(table, Priority.ALWAYS);
        map.setId("areasMap");
        map.editableProperty().set(viewModel.canManage());
        HBox.setHgrow(map, Priority.ALWAYS);
        HBox body = new HBox(12, left, map);

        ScreenFrame frame = new ScreenFrame("areas", "", viewModel.state(), body)
                .confirmations(viewModel.confirmations())
                .onEachShow(viewModel::load);
        if (viewModel.canManage()) {
            // the actions sit in the toolbar so they stay in sight whatever the form's height
            frame.tools(Buttons.of("newAreaButton", viewModel.startNew(), Feather.PLUS),
                    Buttons.of("deactivateAreaButton", viewModel.deactivate(), Feather.SLASH),
                    Buttons.of("reactivateAreaButton", viewModel.reactivate(), Feather.CHECK_CIRCLE),
                    Buttons.accent("saveAreaButton", viewModel.save(), Feather.SAVE));
        }
        getChildren().add(frame);
        bindMap();
    }

    private TableView<ServiceArea> table() {
        table.setId("areasTable");
        table.setItems(viewModel.areas());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No service areas yet."));
        table.getStyleClass().add(Styles.DENSE);
        table.setPrefHeight(300);
        table.getColumns().add(column("Name", 120, a -> a.name() + (a.active() ? "" : " (inactive)")));
        table.getColumns().add(column("Mi", 36, a -> String.valueOf(a.radiusMiles())));
        table.getColumns().add(column("Providers", 80, a -> a.providersVerified() + " / " + a.providersAll()));
        table.getColumns().add(column("Drops 30d", 76, a -> String.format("%,d", a.recentDropoffs())));
        table.getColumns().add(column("Overlaps", 120, AreasViewModel::overlapText));
        for (TableColumn<ServiceArea, ?> c : table.getColumns()) {
            c.setReorderable(false);
        }
        table.getColumns().get(1).setText("Mi");
        javafx.scene.control.Tooltip.install(table, new javafx.scene.control.Tooltip(
                "Mi: radius in miles. Providers: verified / all serving the area. Drops 30d: drop-offs inside it in the last 30 days."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null && now != viewModel.selectedProperty().get()) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> syncSelection(now));
        return table;
    }

    private static TableColumn<ServiceArea, String> column(String title, double width, Function<ServiceArea, String> value) {
        TableColumn<ServiceArea, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private FormPanel editor() {
        FormPanel panel = new FormPanel("areaEditor", "Area");
        Label title = new Label();
        title.setId("areaEditorHeading");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(viewModel.editorTitleProperty());
        panel.add(title);
        panel.note(viewModel.canManage()
                ? "Renaming updates every provider serving it. Drag a selected circle's centre or edge to change it."
                : "Only admins change service areas; you can look at them and at the map.");
        TextField name = field("areaName", viewModel.name());
        HBox circle = new HBox(10, cell(field("areaLatitude", viewModel.latitude()), viewModel.latitude()),
                cell(field("areaLongitude", viewModel.longitude()), viewModel.longitude()),
                cell(field("areaRadius", viewModel.radius()), viewModel.radius()));
        panel.add(cell(name, viewModel.name()), circle);
        panel.setMinHeight(250);
        return panel;
    }

    private TextField field(String id, Field field) {
        TextField control = new TextField();
        control.setId(id);
        control.textProperty().bindBidirectional(field.textProperty());
        control.setEditable(viewModel.canManage());
        return control;
    }

    /** Label, control and problem line stacked; three of them share a row for the circle. */
    private static VBox cell(TextField control, Field field) {
        VBox box = new VBox(4, Fields.label(field.label(), control), control,
                Fields.problem(control.getId() + "Problem", field.problem(), control));
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void bindMap() {
        viewModel.areas().addListener((ListChangeListener<ServiceArea>) change -> map.setAreas(viewModel.areas().stream()
                .map(a -> new MapArea<>(a.id(), a.name(), a.circle(), a.active())).toList()));
        viewModel.demand().addListener((ListChangeListener<DemandCell>) change -> map.setCells(viewModel.demand().stream()
                .map(c -> new HeatCell(c.lat(), c.lng(), viewModel.demandCellLat(), viewModel.demandCellLng(),
                        c.dropoffs(), c.outside()))
                .toList()));
        viewModel.outsideDropoffsProperty().addListener((obs, old, now) -> map.setLegend(
                String.format("%,d drop-offs in the last 30 days fell outside every active area", now.longValue())));
        map.selectedKeyProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                viewModel.selectById(now);
            }
        });
        map.setOnCircleEdited(viewModel::proposeCircle);
    }

    private void syncSelection(ServiceArea area) {
        syncing = true;
        try {
            if (area == null) {
                table.getSelectionModel().clearSelection();
                map.selectedKeyProperty().set(null);
            } else {
                table.getSelectionModel().select(area);
                table.scrollTo(area);
                map.selectedKeyProperty().set(area.id());
            }
        } finally {
            syncing = false;
        }
    }
}
