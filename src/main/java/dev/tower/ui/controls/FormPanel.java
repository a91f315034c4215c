package dev.tower.ui.controls;

import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.Field;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A form that scrolls instead of clipping: title, optional note, labelled fields each with its problem
 * line, and the action buttons last (inside the scroll, so they are never pushed off the window).
 */
public final class FormPanel extends ScrollPane {
    private final VBox body = new VBox(8);
    private final HBox actions = new HBox(8);

    public FormPanel(String id, String title) {
        setId(id);
        getStyleClass().addAll(Styles.FLAT, "form-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        body.getStyleClass().add("side-panel");
        Label heading = new Label(title);
        heading.setId(id + "Title");
        heading.getStyleClass().addAll(Styles.TITLE_4, "side-panel-title");
        heading.setWrapText(true);
        actions.getStyleClass().add("side-panel-actions");
        actions.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(heading, actions);
        setContent(body);
    }

    /** A muted sentence under the title (what the form does). */
    public FormPanel note(String text) {
        Label note = new Label(text);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, "side-panel-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        return add(note);
    }

    /** A text field bound to {@code field}, with its label and problem line; returns the control. */
    public TextField text(String id, Field field) {
        return bound(new TextField(), id, field);
    }

    public PasswordField password(String id, Field field) {
        return bound(new PasswordField(), id, field);
    }

    private <C extends TextInputControl> C bound(C control, String id, Field field) {
        control.setId(id);
        control.textProperty().bindBidirectional(field.textProperty());
        add(Fields.label(field.label(), control), control, Fields.problem(id + "Problem", field.problem(), control));
        return control;
    }

    /** Any other labelled control (a choice box). */
    public FormPanel labelled(String label, Node control) {
        return add(Fields.label(label, control), control);
    }

    /** Adds nodes before the action row. */
    public FormPanel add(Node... nodes) {
        body.getChildren().addAll(body.getChildren().size() - 1, java.util.List.of(nodes));
        return this;
    }

    public FormPanel actions(Node... buttons) {
        actions.getChildren().setAll(buttons);
        return this;
    }
}
