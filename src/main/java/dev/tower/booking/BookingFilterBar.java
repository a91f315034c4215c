package dev.tower.booking;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/**
 * The browser's second filter row: payment status, category, area, the creation period, "not started after",
 * and a chip for the customer or provider the list is narrowed to. Every change reads the first page again.
 */
final class BookingFilterBar extends FlowPane {
    BookingFilterBar(BookingsViewModel vm) {
        super(8, 6);
        setId("bookingFilterBar");
        setAlignment(Pos.CENTER_LEFT);
        BookingFilterForm f = vm.filters();
        Runnable changed = vm::filtersChanged;
        getChildren().addAll(
                choice("bookingPaymentFilter", BookingFilterForm.PAYMENT_STATUSES, f.paymentStatusProperty(),
                        s -> s.isEmpty() ? "Any payment" : s.replace('_', ' '), changed),
                choice("bookingCategoryFilter", BookingFilterForm.CATEGORIES, f.categoryProperty(),
                        s -> s.isEmpty() ? "Any category" : s.replace('_', ' '), changed),
                areaChoice(f, changed),
                day("bookingFromDay", "From day", f.fromDayProperty(), changed),
                day("bookingToDay", "to day", f.toDayProperty(), changed),
                choice("bookingLateFilter", BookingFilterForm.LATE_HOURS, f.lateHoursProperty(),
                        h -> h == 0 ? "Any start" : "Not started " + h + " h late", changed),
                chip("bookingCustomerChip", "Customer", f.customerProperty(), changed),
                chip("bookingProviderChip", "Provider", f.providerProperty(), changed));
    }

    private static <T> ChoiceBox<T> choice(String id, List<T> items, ObjectProperty<T> value, Function<T, String> text,
                                           Runnable changed) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(converter(text));
        box.valueProperty().bindBidirectional(value);
        onChange(box.valueProperty(), changed);
        return box;
    }

    private static ChoiceBox<ServiceAreaChoice> areaChoice(BookingFilterForm f, Runnable changed) {
        ChoiceBox<ServiceAreaChoice> box = new ChoiceBox<>(f.areas());
        box.setId("bookingAreaFilter");
        box.setConverter(converter(ServiceAreaChoice::name));
        box.valueProperty().bindBidirectional(f.areaProperty());
        onChange(box.valueProperty(), changed);
        return box;
    }

    private static DatePicker day(String id, String prompt, ObjectProperty<java.time.LocalDate> value, Runnable changed) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(170);
        picker.valueProperty().bindBidirectional(value);
        onChange(picker.valueProperty(), changed);
        return picker;
    }

    /** "Customer: Casey Consumer ✕": shown only while the list is narrowed to one party. */
    private static HBox chip(String id, String role, ObjectProperty<BookingFilterForm.Party> party, Runnable changed) {
        Label text = new Label();
        text.textProperty().bind(party.map(p -> role + ": " + p.name()).orElse(""));
        Button clear = new Button("✕");
        clear.setId(id + "Clear");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> party.set(null));
        HBox chip = new HBox(4, text, clear);
        chip.setId(id);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.setStyle("-fx-padding: 2 4 2 8; -fx-background-radius: 12; -fx-background-color: -color-accent-subtle;");
        chip.visibleProperty().bind(party.isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        onChange(party, changed);
        return chip;
    }

    private static void onChange(ObservableValue<?> value, Runnable changed) {
        value.addListener((obs, old, now) -> changed.run());
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) { return value == null ? "" : text.apply(value); }

            @Override
            public T fromString(String s) { return null; }
        };
    }
}
