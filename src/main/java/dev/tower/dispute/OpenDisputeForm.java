package dev.tower.dispute;

import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.UUID;
import java.util.function.Consumer;

/** Ops open a dispute on a booking by its order number, with a reason and a note; the booking becomes disputed. */
public final class OpenDisputeForm {
    private final DisputeService disputes;
    private final ScreenState state;
    private final Consumer<UUID> onOpened;
    private final Field orderNumber = new Field("Order number", "", FieldRule.required("The order number"),
            FieldRule.pattern("The order number", "(?i)SM-\\d{8}", "like SM-00001234"));
    private final ObjectProperty<Choice> reason = new SimpleObjectProperty<>(this, "reason");
    private final Field note = new Field("Note", "", FieldRule.required("A note"), FieldRule.length("The note", 1, 2000));
    private final ObservableList<Choice> reasons = FXCollections.observableArrayList();
    private final Command open;

    OpenDisputeForm(DisputeService disputes, ScreenState state, boolean permitted, Consumer<UUID> onOpened) {
        this.disputes = disputes;
        this.state = state;
        this.onOpened = onOpened;
        open = Command.of(state.gate(), "Open dispute", new SimpleBooleanProperty(permitted),
                Bindings.createBooleanBinding(() -> orderNumber.isValid() && note.isValid() && reason.get() != null,
                        orderNumber.valid(), note.valid(), reason), state.busyFlag(), this::submit);
    }

    private void submit() {
        String order = orderNumber.value();
        String code = reason.get().code();
        String text = note.value();
        state.run("change", "Opening a dispute on " + order + "…", () -> {
            BookingRef booking = disputes.booking(order);
            return disputes.open(booking.id(), booking.version(), code, text);
        }, id -> {
            orderNumber.setText("");
            note.setText("");
            onOpened.accept(id); // reloads first: starting them clears the screen's messages
            state.notice("Opened a dispute on " + order.toUpperCase(java.util.Locale.ROOT) + "; the booking is now disputed.");
        });
    }

    public Field orderNumber() { return orderNumber; }

    public ObjectProperty<Choice> reasonProperty() { return reason; }

    public ObservableList<Choice> reasons() { return reasons; }

    public Field note() { return note; }

    public Command open() { return open; }
}
