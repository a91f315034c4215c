package dev.tower.ui.controls;

import atlantafx.base.theme.Styles;
import dev.tower.error.UserMessage;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows a {@link UserMessage}: a title and plain sentences, with the technical details behind a
 * "Show details" toggle. Hidden (and taking no space) while the bound message is null. Node ids
 * derive from the banner's: {@code <id>Title}, {@code <id>Text}, {@code <id>Details} (the toggle),
 * {@code <id>DetailsText}.
 */
public final class ErrorBanner extends HBox {
    private final Label title = new Label();
    private final Label text = new Label();
    private final ToggleButton detailsToggle = new ToggleButton();
    private final TextArea detailsText = new TextArea();

    public ErrorBanner(String id) {
        setId(id);
        getStyleClass().add("error-banner");
        title.setId(id + "Title");
        title.getStyleClass().add("error-title");
        text.setId(id + "Text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);

        detailsToggle.setId(id + "Details");
        detailsToggle.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "error-details-toggle");
        detailsToggle.selectedProperty().addListener((obs, was, open) -> showDetails(open));
        detailsText.setId(id + "DetailsText");
        detailsText.setEditable(false);
        detailsText.setWrapText(true);
        detailsText.setPrefRowCount(5);
        detailsText.getStyleClass().add("error-details");

        FontIcon icon = new FontIcon(Feather.ALERT_CIRCLE);
        icon.getStyleClass().add("error-icon");
        VBox body = new VBox(4, title, text, detailsToggle, detailsText);
        HBox.setHgrow(body, Priority.ALWAYS);
        setSpacing(10);
        getChildren().setAll(icon, body);
        show(null);
    }

    public void bind(ObservableValue<UserMessage> message) {
        show(message.getValue());
        message.addListener((obs, old, now) -> show(now));
    }

    private void show(UserMessage message) {
        boolean present = message != null;
        // the words first: whoever sees the banner appear (a test's robot thread) must find them in it
        title.setText(present ? message.title() : "");
        text.setText(present ? message.text() : "");
        detailsText.setText(present ? message.details() : "");
        setVisible(present);
        setManaged(present);
        detailsToggle.setSelected(false);
        showDetails(false);
    }

    private void showDetails(boolean open) {
        detailsText.setVisible(open);
        detailsText.setManaged(open);
        detailsToggle.setText(open ? "Hide details" : "Show details");
        detailsToggle.setGraphic(new FontIcon(open ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
    }
}
