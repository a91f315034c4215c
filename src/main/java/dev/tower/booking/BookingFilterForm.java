package dev.tower.booking;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The browser's filter controls as properties: one per filter the service supports. Dates are whole days in
 * the user's zone (the "to" day included); customer and provider are chosen from a booking page's links.
 */
public final class BookingFilterForm {
    /** "Any" in every choice list. */
    public static final String ANY = "";
    public static final List<String> STATUSES = List.of(ANY, "pending", "accepted", "in_progress", "completed",
            "cancelled", "disputed");
    public static final List<String> PAYMENT_STATUSES = List.of(ANY, "pending", "processing", "paid", "failed",
            "refunded", "partially_refunded");
    public static final List<String> CATEGORIES = List.of(ANY, "food_delivery", "courier", "aerial_imaging",
            "site_mapping");
    /** The "not started after" choices in hours; 0 is "any". */
    public static final List<Integer> LATE_HOURS = List.of(0, 1, 2, 4, 8, 24);
    /** The area choice that means "any area". */
    public static final ServiceAreaChoice ANY_AREA = new ServiceAreaChoice(null, "Any area");

    /** A customer or provider the list is narrowed to. */
    public record Party(UUID id, String name) {}

    private final ZoneId zone;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", ANY);
    private final ObjectProperty<String> paymentStatus = new SimpleObjectProperty<>(this, "paymentStatus", ANY);
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(this, "category", ANY);
    private final ObjectProperty<ServiceAreaChoice> area = new SimpleObjectProperty<>(this, "area", ANY_AREA);
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>(this, "fromDay");
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>(this, "toDay");
    private final ObjectProperty<Integer> lateHours = new SimpleObjectProperty<>(this, "lateHours", 0);
    private final ObjectProperty<Party> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<Party> provider = new SimpleObjectProperty<>(this, "provider");
    private final ObjectProperty<BookingSort> sort = new SimpleObjectProperty<>(this, "sort", BookingSort.NEWEST_CREATED);
    private final ObservableList<ServiceAreaChoice> areas = FXCollections.observableArrayList(ANY_AREA);

    public BookingFilterForm(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    /** The controls as the service's filter (may throw a validation error, e.g. a period ending before it starts). */
    public BookingFilter toFilter() {
        ServiceAreaChoice a = area.get();
        Integer late = lateHours.get() == null || lateHours.get() == 0 ? null : lateHours.get();
        return new BookingFilter(status.get(), paymentStatus.get(),
                fromDay.get() == null ? null : fromDay.get().atStartOfDay(zone).toInstant(),
                toDay.get() == null ? null : toDay.get().plusDays(1).atStartOfDay(zone).toInstant(),
                a == null ? null : a.id(), category.get(),
                provider.get() == null ? null : provider.get().id(),
                customer.get() == null ? null : customer.get().id(), search.get(), late, sort.get());
    }

    /** Sets every filter control from {@code f} (a saved view); parties not in {@code f} are cleared, the sort kept. */
    public void show(BookingFilter f) {
        search.set(f.search() == null ? "" : f.search());
        status.set(orAny(f.status()));
        paymentStatus.set(orAny(f.paymentStatus()));
        category.set(orAny(f.category()));
        area.set(f.serviceAreaId() == null ? ANY_AREA : areas.stream()
                .filter(a -> f.serviceAreaId().equals(a.id())).findFirst()
                .orElse(new ServiceAreaChoice(f.serviceAreaId(), "A removed area")));
        fromDay.set(f.from() == null ? null : f.from().atZone(zone).toLocalDate());
        toDay.set(f.to() == null ? null : f.to().atZone(zone).toLocalDate().minusDays(1));
        lateHours.set(f.startedLateByHours() == null ? 0 : f.startedLateByHours());
        customer.set(f.customerId() == null ? null : keepName(customer.get(), f.customerId(), "as saved in the view"));
        provider.set(f.providerId() == null ? null : keepName(provider.get(), f.providerId(), "as saved in the view"));
    }

    /** Every control back to "any". */
    public void clear() {
        show(BookingFilter.ANY);
    }

    private static Party keepName(Party current, UUID id, String fallback) {
        return current != null && current.id().equals(id) ? current : new Party(id, fallback);
    }

    private static String orAny(String value) {
        return value == null ? ANY : value;
    }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<String> statusProperty() { return status; }

    public ObjectProperty<String> paymentStatusProperty() { return paymentStatus; }

    public ObjectProperty<String> categoryProperty() { return category; }

    public ObjectProperty<ServiceAreaChoice> areaProperty() { return area; }

    public ObjectProperty<LocalDate> fromDayProperty() { return fromDay; }

    public ObjectProperty<LocalDate> toDayProperty() { return toDay; }

    public ObjectProperty<Integer> lateHoursProperty() { return lateHours; }

    public ObjectProperty<Party> customerProperty() { return customer; }

    public ObjectProperty<Party> providerProperty() { return provider; }

    public ObjectProperty<BookingSort> sortProperty() { return sort; }

    /** "Any area" and the areas read from the database. */
    public ObservableList<ServiceAreaChoice> areas() { return areas; }
}
