package dev.tower.provider;

import atlantafx.base.theme.Styles;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.KeysetTable;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Providers: the verification queue on the left, the selected provider's page on the right. The
 * keyboard works the queue without the mouse (J/K next/previous provider, N next document, A accept,
 * R reject, V verify), shown under the queue; keys typed into a text field stay text.
 */
public final class ProvidersView extends StackPane {
    private final VerificationQueueViewModel queue;

    public ProvidersView(VerificationQueueViewModel queue, ProviderPageViewModel page, ZoneId zone) {
        this.queue = queue;
        setId("providersView");
        getStyleClass().add("admin-screen");
        queue.recountAfterDecisionsOn(page);

        FlowPane tabs = new FlowPane(4, 4);
        ToggleGroup group = new ToggleGroup();
        for (ProviderStatus status : ProviderStatus.values()) {
            ToggleButton tab = new ToggleButton();
            tab.setId("tab-" + status.name().toLowerCase().replace('_', '-'));
            tab.textProperty().bind(queue.tabLabel(status));
            tab.setToggleGroup(group);
            tab.setSelected(status == queue.tabProperty().get());
            tab.setOnAction(e -> {
                tab.setSelected(true);
                queue.tabProperty().set(status);
            });
            tab.getStyleClass().add(Styles.SMALL);
            tabs.getChildren().add(tab);
            // the tab may also change from a link: the pressed button follows it
            queue.tabProperty().addListener((obs, old, now) -> tab.setSelected(now == status));
        }

        TextField search = new TextField();
        search.setId("providerSearch");
        search.setPromptText("Business or person name");
        search.textProperty().bindBidirectional(queue.searchProperty());
        search.setOnAction(e -> queue.applyFilters());
        ChoiceBox<String> type = new ChoiceBox<>();
        type.setId("providerTypeFilter");
        type.getItems().addAll("", "courier", "drone");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) { return value == null || value.isEmpty() ? "Any type" : value; }

            @Override
            public String fromString(String s) { return s; }
        });
        type.valueProperty().bindBidirectional(queue.providerTypeProperty());
        type.setOnAction(e -> queue.applyFilters());
        TextField area = new TextField();
        area.setId("serviceAreaFilter");
        area.setPromptText("Service area");
        area.setPrefColumnCount(10);
        area.textProperty().bindBidirectional(queue.serviceAreaProperty());
        area.setOnAction(e -> queue.applyFilters());
        ChoiceBox<Integer> expiring = new ChoiceBox<>();
        expiring.setId("expiringFilter");
        expiring.getItems().addAll(null, 7, 30, 90);
        expiring.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer days) { return days == null ? "Any expiry" : "Expiring ≤ " + days + " days"; }

            @Override
            public Integer fromString(String s) { return null; }
        });
        expiring.valueProperty().bindBidirectional(queue.expiringWithinDaysProperty());
        expiring.setOnAction(e -> queue.applyFilters());
        search.setPrefColumnCount(12);
        FlowPane filters = new FlowPane(8, 8, search, type, area, expiring);

        KeysetTable<QueueRow> table = new KeysetTable<>("providerQueue", queue.list(), queue.state(), "No providers match.");
        TableColumn<QueueRow, String> check = Tables.textColumn("✓", 30, 30,
                r -> queue.checked().contains(r.id()) ? "✓" : "");
        table.table().getColumns().addAll(java.util.List.of(check,
                Tables.textColumn("Business", 200, 120, QueueRow::businessName),
                Tables.textColumn("Submitted", 130, 100, r -> LocalTimes.minutes(r.submittedAt(), zone)),
                Tables.textColumn("To review", 70, 60, r -> String.valueOf(r.pendingDocuments())),
                Tables.textColumn("Next expiry", 100, 80, r -> r.needsReverification() ? "EXPIRED"
                        : r.nextExpiry() == null ? "" : r.nextExpiry().toString())));
        Tables.bindSelection(table.table(), queue.selectedProperty());
        queue.checked().addListener((javafx.collections.SetChangeListener<java.util.UUID>) c -> table.table().refresh());
        queue.selectedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                page.open(now.id());
            }
        });

        Label keys = new Label(Arrays.stream(VerificationShortcuts.values())
                .map(s -> s.key() + " " + s.label().toLowerCase()).collect(Collectors.joining(" · "))
                + " · Space check for bulk verify");
        keys.setId("shortcutHelp");
        keys.setWrapText(true);
        keys.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox left = new VBox(8, tabs, filters, table, keys);
        ScreenFrame queueFrame = new ScreenFrame("providerQueueScreen", "Queue", queue.state(), left)
                .tools(Buttons.accent("bulkVerifyButton", queue.bulkVerify(), Feather.CHECK_SQUARE))
                .onEachShow(queue::load);
        ScreenFrame pagePane = ProviderPagePane.create(page, zone);
        SplitPane split = new SplitPane(queueFrame, pagePane);
        split.setDividerPositions(0.33);
        getChildren().add(split);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            boolean handled = switch (e.getCode()) {
                case J -> { queue.selectNext(); yield true; }
                case K -> { queue.selectPrevious(); yield true; }
                case N -> { page.nextDocument(); yield true; }
                case A -> page.acceptDocument().execute() || true;
                case R -> page.rejectDocument().execute() || true;
                case V -> page.verify().execute() || true;
                case SPACE -> {
                    if (queue.selectedProperty().get() != null) {
                        queue.toggleChecked(queue.selectedProperty().get());
                    }
                    yield true;
                }
                default -> false;
            };
            if (handled && e.getCode() != KeyCode.ENTER) {
                e.consume();
            }
        });
    }

    /** Shows the queue a link names (an analytics funnel stage's click-through). */
    public void showLink(java.util.Map<String, String> link) {
        queue.showLink(link);
    }
}
