package dev.tower.analytics;

import atlantafx.base.theme.Styles;
import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.SaveDialog;
import dev.tower.ui.controls.ScreenFrame;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The analytics section: a filter bar, one tab per dashboard (chart or table, export, refresh), where the
 * data is read from and how far behind that is, and the refresh schedule.
 */
public final class AnalyticsView extends BorderPane {
    private final AnalyticsViewModel vm;
    private final TabPane tabs = new TabPane();
    private final Timeline ticker;

    public AnalyticsView(AnalyticsViewModel vm, SaveDialog saveDialog) {
        this.vm = vm;
        setId("analyticsView");
        DashboardCharts charts = new DashboardCharts(vm::mayOpen, vm::open);
        for (DashboardKind kind : DashboardKind.values()) {
            Tab tab = new Tab(kind.tabLabel(), new DashboardPane(kind, vm, charts, saveDialog));
            tab.setId("tab-" + kind.key());
            tab.setTooltip(new Tooltip(kind.title()));
            tab.setClosable(false);
            tabs.getTabs().add(tab);
        }
        tabs.setId("dashboardTabs");

        Label readsFrom = new Label();
        readsFrom.setId("analyticsReadsFrom");
        readsFrom.getStyleClass().add(Styles.TEXT_MUTED);
        readsFrom.textProperty().bind(vm.readsFromProperty());
        VBox content = new VBox(10, filters(), tabs, readsFrom);
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);

        ScreenFrame frame = new ScreenFrame("analytics", "", vm.state(), content)
                .tools(schedule(), Buttons.of("analyticsRefreshAll", vm.refreshAllCommand(), Feather.REFRESH_CW))
                .onEachShow(vm::open);
        setCenter(frame);
        ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    /** Shows the dashboard of {@code kind} (tests, and a future "open dashboard" link). */
    public void select(DashboardKind kind) {
        tabs.getSelectionModel().select(kind.ordinal());
    }

    private FlowPane filters() {
        DatePicker from = new DatePicker();
        from.setId("analyticsFrom");
        from.valueProperty().bindBidirectional(vm.fromDayProperty());
        DatePicker to = new DatePicker();
        to.setId("analyticsTo");
        to.valueProperty().bindBidirectional(vm.toDayProperty());
        for (DatePicker p : new DatePicker[] {from, to}) {
            p.setPrefWidth(140);
        }
        ComboBox<AreaChoice> area = new ComboBox<>(vm.areas());
        area.setId("analyticsArea");
        area.valueProperty().bindBidirectional(vm.areaProperty());
        ComboBox<String> category = new ComboBox<>(FXCollections.observableArrayList(AnalyticsViewModel.CATEGORIES));
        category.setId("analyticsCategory");
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(String c) {
                return c == null || c.isEmpty() ? "Any category" : DashboardTables.categoryLabel(c);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        var show = Buttons.accent("analyticsShow", vm.applyCommand(), Feather.FILTER);
        FlowPane bar = new FlowPane(8, 8, new Label("From"), from, new Label("to"), to, area, category, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private javafx.scene.Node schedule() {
        ChoiceBox<Integer> every = new ChoiceBox<>(FXCollections.observableArrayList(AnalyticsViewModel.SCHEDULES));
        every.setId("analyticsSchedule");
        every.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null || m == 0 ? "Auto refresh off" : "Refresh every " + m + " min";
            }

            @Override
            public Integer fromString(String s) {
                return 0;
            }
        });
        every.valueProperty().bindBidirectional(vm.scheduleMinutesProperty());
        every.setVisible(vm.mayRefresh());
        every.setManaged(vm.mayRefresh());
        return every;
    }
}
