package dev.tower.booking;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.PointsMap;
import dev.tower.ui.controls.ScreenFrame;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A booking's page: facts, price breakdown, a small map of both points, the timeline, thread and reviews. */
public final class BookingPageView extends VBox {
    private final BookingPageViewModel vm;
    private final Label title = new Label();
    private final PointsMap map = new PointsMap("bookingMap");
    private final VBox thread = new VBox(4);

    /** "Other bookings" of a booking's customer ({@code customer}) or provider. */
    public record PartyLink(boolean customer, java.util.UUID id, String name) {}

    private final HBox partyLinks = new HBox(12);
    private final java.util.function.Consumer<PartyLink> openParty;

    public BookingPageView(BookingPageViewModel vm, Runnable back, java.util.function.Consumer<PartyLink> openParty) {
        this.vm = vm;
        this.openParty = openParty;
        partyLinks.setId("bookingPartyLinks");
        setId("bookingPage");
        Button backButton = new Button("← Back to bookings  (Esc)");
        backButton.setId("bookingPageBack");
        backButton.getStyleClass().add(Styles.FLAT);
        backButton.setOnAction(e -> back.run());
        title.setId("bookingPageTitle");
        title.getStyleClass().add(Styles.TITLE_3);

        VBox left = new VBox(10, section("Booking"), grid("bookingFacts", vm.facts()), partyLinks, section("Price"),
                grid("bookingPrice", vm.price()));
        left.setPrefWidth(520);
        VBox right = new VBox(10, section("Where"), map, section("Messages"), thread);
        right.setPrefWidth(360);
        VBox timeline = new VBox(10, section("Timeline"), grid("bookingTimeline", vm.timeline()));
        VBox body = new VBox(14, new HBox(20, left, right), timeline);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Styles.FLAT);
        ScreenFrame frame = new ScreenFrame("bookingPage", "", vm.state(), scroll);
        getChildren().addAll(new HBox(12, backButton, title), frame);
        VBox.setVgrow(frame, javafx.scene.layout.Priority.ALWAYS);
        vm.storyProperty().addListener((obs, old, story) -> show(story));
    }

    private void show(BookingStory story) {
        if (story == null) {
            return;
        }
        BookingPage b = story.booking();
        title.setText("Booking " + b.orderNumber());
        partyLinks.getChildren().setAll(
                link("customerBookingsLink", "All bookings of " + b.customerName(), new PartyLink(true, b.customerId(), b.customerName())),
                link("providerBookingsLink", "All bookings of " + b.providerName(), new PartyLink(false, b.providerId(), b.providerName())));
        map.show(b.pickupLat() == null ? null : b.pickupLat().doubleValue(),
                b.pickupLng() == null ? null : b.pickupLng().doubleValue(),
                b.dropoffLat().doubleValue(), b.dropoffLng().doubleValue());
        thread.getChildren().clear();
        if (story.thread().isEmpty()) {
            thread.getChildren().add(muted("No messages."));
        }
        story.thread().forEach(m -> thread.getChildren().add(wrapped(m.sender() + ": " + m.content())));
        story.reviews().forEach(r -> thread.getChildren().add(wrapped("★".repeat(r.rating()) + " " + r.reviewer()
                + (r.comment() == null ? "" : ": " + r.comment()))));
    }

    private Hyperlink link(String id, String text, PartyLink target) {
        Hyperlink link = new Hyperlink(text + " →");
        link.setId(id);
        link.setOnAction(e -> openParty.accept(target));
        return link;
    }

    private static GridPane grid(String id, ObservableList<BookingPageViewModel.Line> lines) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(14);
        grid.setVgap(4);
        lines.addListener((ListChangeListener<BookingPageViewModel.Line>) c -> {
            grid.getChildren().clear();
            for (int i = 0; i < lines.size(); i++) {
                Label label = muted(lines.get(i).label());
                grid.add(label, 0, i);
                grid.add(wrapped(lines.get(i).value()), 1, i);
            }
        });
        return grid;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Node wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
