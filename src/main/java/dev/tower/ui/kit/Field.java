package dev.tower.ui.kit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Optional;

/**
 * A typed form field: its text, and its first failing rule's message as a binding (empty when valid).
 * The view binds a text control to {@link #textProperty} and a label under it to {@link #problem}.
 */
public final class Field {
    private final String label;
    private final StringProperty text;
    private final StringBinding problem;
    private final BooleanBinding valid;

    public Field(String label, String initial, FieldRule... rules) {
        this.label = label;
        this.text = new SimpleStringProperty(this, label, initial == null ? "" : initial);
        List<FieldRule> all = List.of(rules);
        this.problem = Bindings.createStringBinding(() -> firstProblem(all, text.get()).orElse(""), text);
        this.valid = problem.isEmpty();
    }

    private static Optional<String> firstProblem(List<FieldRule> rules, String value) {
        for (FieldRule rule : rules) {
            Optional<String> p = rule.check(value);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    public String label() { return label; }

    public StringProperty textProperty() { return text; }

    public String text() { return text.get(); }

    public void setText(String value) { text.set(value == null ? "" : value); }

    /** The trimmed text. */
    public String value() { return text.get().strip(); }

    public StringBinding problem() { return problem; }

    public BooleanBinding valid() { return valid; }

    public boolean isValid() { return valid.get(); }
}
