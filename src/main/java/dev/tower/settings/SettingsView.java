package dev.tower.settings;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.ViewLifecycle;
import dev.tower.ui.controls.ErrorBanner;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.SuccessNotice;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The System settings screen: one card per setting with its current value, what it means, when it
 * last changed, and a field to change it. Node ids use the kind in kebab case, e.g.
 * {@code setting-dispute-sla-hours-field}. Talks to its ViewModel only.
 */
public final class SettingsView extends StackPane {
    private static final double CARD_MAX_WIDTH = 760;

    private final SettingsViewModel viewModel;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("settingsView");
        getStyleClass().add("admin-screen");

        ErrorBanner error = new ErrorBanner("settingsError");
        error.bind(viewModel.errorProperty());
        SuccessNotice notice = new SuccessNotice("settingsNotice");
        notice.bind(viewModel.noticeProperty());

        VBox cards = new VBox(12);
        cards.setId("settingsCards");
        cards.setMaxWidth(CARD_MAX_WIDTH);
        for (SettingsViewModel.Row row : viewModel.rows()) {
            cards.getChildren().add(card(row));
        }
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll(Styles.FLAT, "settings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox column = new VBox(12, toolbar(), error, notice, scroll);
        column.setMaxWidth(CARD_MAX_WIDTH);
        column.setAlignment(Pos.TOP_LEFT);
        BusyOverlay overlay = new BusyOverlay("settingsProgress", column);
        overlay.bind(viewModel.busyProperty(), viewModel.busyMessageProperty());
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        overlay.setMaxWidth(CARD_MAX_WIDTH);
        getChildren().add(overlay);
        setAlignment(Pos.TOP_LEFT);

        ViewLifecycle.onEachShow(this, viewModel::load);
    }

    private HBox toolbar() {
        Label intro = new Label("Changes apply at once to everyone and are written to the audit log.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        Button reload = new Button("Reload", new FontIcon(Feather.REFRESH_CW));
        reload.setId("reloadSettingsButton");
        reload.setMinWidth(USE_PREF_SIZE);
        reload.setTooltip(new Tooltip("Read the current values again (discards unsaved edits)"));
        reload.disableProperty().bind(viewModel.canReloadProperty().not());
        reload.setOnAction(e -> viewModel.load());
        HBox bar = new HBox(12, intro, new Spacer(), reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox card(SettingsViewModel.Row row) {
        String id = "setting-" + row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');

        Label title = new Label(row.title());
        title.getStyleClass().add(Styles.TITLE_4);
        Label current = new Label();
        current.setId(id + "-value");
        current.getStyleClass().addAll(Styles.TITLE_4, "setting-value");
        current.textProperty().bind(Bindings.createStringBinding(row::valueText, row.valueProperty()));
        current.setMinWidth(USE_PREF_SIZE);
        HBox heading = new HBox(12, title, new Spacer(), current);
        heading.setAlignment(Pos.BASELINE_LEFT);

        Label description = new Label();
        description.setId(id + "-description");
        description.textProperty().bind(row.descriptionProperty());
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        Label changed = new Label();
        changed.setId(id + "-changed");
        changed.textProperty().bind(row.lastChangedProperty());
        changed.setGraphic(new FontIcon(Feather.CLOCK));
        changed.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        TextField field = new TextField();
        field.setId(id + "-field");
        field.setPrefColumnCount(10);
        field.textProperty().bindBidirectional(row.draftProperty());
        field.disableProperty().bind(row.availableProperty().not());
        Label unit = new Label(row.unit());
        unit.getStyleClass().add(Styles.TEXT_MUTED);
        unit.setMinWidth(USE_PREF_SIZE);
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId(id + "-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(USE_PREF_SIZE);
        save.disableProperty().bind(row.canSaveProperty().not());
        save.setOnAction(e -> {
            viewModel.save(row);
            field.requestFocus(); // the button turns off once saved; keep the focus on this row
        });
        field.setOnAction(e -> viewModel.save(row));
        HBox edit = new HBox(8, Fields.label("New value", field), field, unit, save);
        edit.setAlignment(Pos.CENTER_LEFT);

        Label problem = Fields.problem(id + "-problem", row.problemProperty(), field);

        VBox card = new VBox(6, heading, description, changed, edit, problem);
        card.setId(id);
        card.getStyleClass().add("setting-card");
        return card;
    }
}
