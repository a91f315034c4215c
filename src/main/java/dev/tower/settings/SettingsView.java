package dev.tower.settings;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.ScreenFrame;
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

        VBox column = new VBox(12, toolbar(), scroll);
        column.setMaxWidth(CARD_MAX_WIDTH);
        column.setAlignment(Pos.TOP_LEFT);
        ScreenFrame frame = new ScreenFrame("settings", "", viewModel.state(), column)
                .onEachShow(viewModel::load);
        frame.setMaxWidth(CARD_MAX_WIDTH);
        StackPane.setAlignment(frame, Pos.TOP_LEFT);
        getChildren().add(frame);
        setAlignment(Pos.TOP_LEFT);
    }

    private HBox toolbar() {
        Label intro = new Label("Changes apply at once to everyone and are written to the audit log.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        Button reload = Buttons.of("reloadSettingsButton", viewModel.reload(), Feather.REFRESH_CW);
        reload.setTooltip(new Tooltip("Read the current values again (discards unsaved edits)"));
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
        Button save = Buttons.accent(id + "-save", row.save(), Feather.SAVE);
        save.setOnAction(e -> {
            row.save().execute();
            field.requestFocus(); // the button turns off once saved; keep the focus on this row
        });
        field.setOnAction(e -> row.save().execute());
        HBox edit = new HBox(8, Fields.label("New value", field), field, unit, save);
        edit.setAlignment(Pos.CENTER_LEFT);

        Label problem = Fields.problem(id + "-problem", row.problemProperty(), field);

        VBox card = new VBox(6, heading, description, changed, edit, problem);
        card.setId(id);
        card.getStyleClass().add("setting-card");
        return card;
    }
}
