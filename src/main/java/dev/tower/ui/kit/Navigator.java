package dev.tower.ui.kit;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;

/**
 * Moves between places with a back history. The shell listens to {@link #currentProperty} and shows the
 * place's section (handing it the record id); screens call {@link #goTo} to open a record elsewhere.
 */
public final class Navigator {
    private static final int MAX_HISTORY = 50;
    private final ReadOnlyObjectWrapper<Place> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<Place> history = FXCollections.observableArrayList();
    private final BooleanBinding canGoBack = Bindings.isNotEmpty(history);

    public Navigator(Place start) {
        current.set(Objects.requireNonNull(start));
    }

    /** Opens {@code place}, remembering where we were; going to the current place again does nothing. */
    public void goTo(Place place) {
        Objects.requireNonNull(place);
        if (place.equals(current.get())) {
            return;
        }
        history.add(current.get());
        if (history.size() > MAX_HISTORY) {
            history.remove(0);
        }
        current.set(place);
    }

    /** Returns to the previous place; returns false when there is none. */
    public boolean back() {
        if (history.isEmpty()) {
            return false;
        }
        current.set(history.remove(history.size() - 1));
        return true;
    }

    public ReadOnlyObjectProperty<Place> currentProperty() { return current.getReadOnlyProperty(); }

    public Place current() { return current.get(); }

    public BooleanBinding canGoBack() { return canGoBack; }
}
