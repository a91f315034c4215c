package dev.tower.booking;

import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One booking's page: its story read in the background, and the lines the view shows, in the user's zone. */
public final class BookingPageViewModel {
    /** A label and a value for the page's fact lists. */
    public record Line(String label, String value) {}

    private final BookingPageService service;
    private final ScreenState state;
    private final ZoneId zone;
    private final ObjectProperty<BookingStory> story = new SimpleObjectProperty<>(this, "story");
    private final ObservableList<Line> facts = FXCollections.observableArrayList();
    private final ObservableList<Line> price = FXCollections.observableArrayList();
    private final ObservableList<Line> timeline = FXCollections.observableArrayList();

    public BookingPageViewModel(BookingPageService service, TaskExecutor executor, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.zone = Objects.requireNonNull(zone);
    }

    public void open(UUID booking) {
        state.run("Opening the booking…", () -> service.open(booking), this::show);
    }

    private void show(BookingStory s) {
        story.set(s);
        BookingPage b = s.booking();
        facts.setAll(List.of(
                new Line("Status", b.status().replace('_', ' ') + " (version " + b.version() + ")"),
                new Line("Customer", b.customerName() + s.contact().map(c -> " · " + c.email() + " · " + c.phone()).orElse("")),
                new Line("Provider", b.providerName()),
                new Line("Listing", b.listingTitle() + " (" + b.category().replace('_', ' ') + ")"),
                new Line("Scheduled", time(b.scheduledAt()) + " to " + time(b.scheduledEndAt())),
                new Line("Actual", time(b.actualStartAt()) + " to " + time(b.actualEndAt())),
                new Line("Pick-up", b.pickupAddress() == null ? "—" : b.pickupAddress()),
                new Line("Drop-off", b.dropoffAddress()),
                new Line("Notes", String.join(" · ", nonBlank(b.specialInstructions(), b.customerNotes(), b.providerNotes(),
                        b.cancellationCode() == null ? null : "cancelled: " + b.cancellationCode() + " — " + b.cancellationReason())))));
        price.setAll(List.of(
                new Line("Base", money(b.basePrice())),
                new Line("Distance " + b.miles() + " mi", money(b.distancePrice())),
                new Line("Time " + b.minutes() + " min", money(b.timePrice())),
                new Line("Service (formula)", money(b.computedServicePrice()) + "   recorded " + money(b.recordedServicePrice())),
                new Line("Platform fee " + b.feePercent() + "%", money(b.computedPlatformFee()) + "   recorded " + money(b.recordedPlatformFee())),
                new Line("Tax (recorded)", money(b.recordedTax())),
                new Line("Total (recorded)", money(b.recordedTotal())),
                new Line("Paid / refunded", money(b.paid()) + " / " + money(b.refunded()) + " (" + b.paymentStatus() + ")")));
        timeline.setAll(s.timeline().stream()
                .map(e -> new Line(time(e.at()) + "  " + e.kind(), e.summary() + (e.actor() == null ? "" : " — " + e.actor())))
                .toList());
    }

    private String time(OffsetDateTime t) {
        return t == null ? "—" : LocalTimes.minutes(t.toInstant(), zone);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "—" : "$" + amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static List<String> nonBlank(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    public ScreenState state() { return state; }

    public ObjectProperty<BookingStory> storyProperty() { return story; }

    public ObservableList<Line> facts() { return facts; }

    public ObservableList<Line> price() { return price; }

    public ObservableList<Line> timeline() { return timeline; }
}
