package dev.tower.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Lays a translucent layer with a spinner and a short message over some content while a bound busy
 * flag is true, and swallows clicks on the content meanwhile. Ids: {@code <id>} for the layer,
 * {@code <id>Message} for its text.
 */
public final class BusyOverlay extends StackPane {
    private final StackPane layer = new StackPane();
    private final Label message = new Label();

    public BusyOverlay(String id, Node content) {
        layer.setId(id);
        layer.getStyleClass().add("busy-overlay");
        message.setId(id + "Message");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        VBox box = new VBox(10, spinner, message);
        box.setAlignment(Pos.CENTER);
        layer.getChildren().add(box);
        layer.setVisible(false);
        getChildren().setAll(content, layer);
    }

    public void bind(ObservableBooleanValue busy, ObservableStringValue text) {
        layer.visibleProperty().bind(busy);
        message.textProperty().bind(text);
    }
}
