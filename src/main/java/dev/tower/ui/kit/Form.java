package dev.tower.ui.kit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;

import java.util.ArrayList;
import java.util.List;

/** Fields that are saved together; {@link #valid} holds when every one of them (and every extra check) passes. */
public final class Form {
    private final List<Field> fields;
    private final BooleanBinding valid;

    public Form(List<Field> fields, ObservableBooleanValue... extraChecks) {
        this.fields = List.copyOf(fields);
        List<javafx.beans.Observable> deps = new ArrayList<>();
        this.fields.forEach(f -> deps.add(f.valid()));
        deps.addAll(List.of(extraChecks));
        this.valid = Bindings.createBooleanBinding(() -> this.fields.stream().allMatch(Field::isValid)
                && java.util.Arrays.stream(extraChecks).allMatch(ObservableBooleanValue::get),
                deps.toArray(javafx.beans.Observable[]::new));
    }

    public static Form of(Field... fields) {
        return new Form(List.of(fields));
    }

    public List<Field> fields() { return fields; }

    public BooleanBinding valid() { return valid; }

    public boolean isValid() { return valid.get(); }

    /** Empties every field (after a successful save). */
    public void clear() {
        fields.forEach(f -> f.setText(""));
    }
}
