package dev.tower.ui.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small helpers every form uses: a bold label over a field, and the field's inline problem text. */
public final class Fields {
    private Fields() {}

    public static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "field-label");
        return label;
    }

    /**
     * A danger-coloured sentence under {@code field}, bound to a ViewModel's problem text: hidden while
     * the text is empty, and while it is not the field shows the danger state.
     */
    public static Label problem(String id, ObservableStringValue problem, Node field) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-problem");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(problem);
        Runnable show = () -> {
            boolean present = problem.get() != null && !problem.get().isEmpty();
            label.setVisible(present);
            label.setManaged(present);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, present);
        };
        problem.addListener((obs, old, now) -> show.run());
        show.run();
        return label;
    }
}
