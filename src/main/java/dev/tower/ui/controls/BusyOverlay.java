package dev.tower.ui.controls;

import dev.tower.ui.kit.ScreenState;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button cancel = new Button("Cancel");

    public BusyOverlay(String id, Node content) {
        layer.setId(id);
        layer.getStyleClass().add("busy-overlay");
        message.setId(id + "Message");
        spinner.setId(id + "Spinner");
        spinner.setMaxSize(36, 36);
        cancel.setId(id + "Cancel");
        cancel.setVisible(false);
        cancel.setManaged(false);
        VBox box = new VBox(10, spinner, message, cancel);
        box.setAlignment(Pos.CENTER);
        layer.getChildren().add(box);
        layer.setVisible(false);
        getChildren().setAll(content, layer);
    }

    public void bind(ObservableBooleanValue busy, ObservableStringValue text) {
        layer.visibleProperty().bind(busy);
        message.textProperty().bind(text);
    }

    /** Shows the screen state's task: what it does, how far it is (spinner while unknown), and Cancel. */
    public void bind(ScreenState state) {
        bind(state.busyProperty(), state.busyMessageProperty());
        spinner.progressProperty().bind(state.progressProperty());
        cancel.setVisible(true);
        cancel.setManaged(true);
        cancel.setOnAction(e -> state.cancel());
    }
}
