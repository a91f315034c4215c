package dev.tower.booking;

import atlantafx.base.theme.Styles;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.FormPanel;
import dev.tower.ui.controls.KeysetTable;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;

/**
 * The bookings browser: search and status filter, the keyset table (more rows load on scroll or "Load
 * more"), and beside it the selected booking's legal moves and the transition form. Keyboard-first: j/k or
 * arrows move, / focuses the search, A/S/C/X/D start a move, Escape closes the form, ? shows every shortcut.
 */
public final class BookingsView extends BorderPane {
    static final String CHEAT_SHEET = """
            j / ↓   next booking        k / ↑   previous booking
            /       search              Enter   search (in the box), open (in the list)
            A  accept   S  start   C  complete   X  cancel   D  mark disputed
            Escape  close the form, back to the list      ?   show or hide this sheet""";

    private final BookingsViewModel vm;
    private final ZoneId zone = ZoneId.systemDefault();
    private final TextField search = new TextField();
    private final Label cheatSheet = new Label(CHEAT_SHEET);

    private final BookingPageView pageView;
    private final BookingPageViewModel page;
    private ScreenFrame browser;

    public BookingsView(BookingsViewModel vm, BookingPageViewModel page) {
        setId("bookingsView");
        this.vm = vm;
        this.page = page;
        this.pageView = new BookingPageView(page, this::backToList, this::showParty);
        KeysetTable<BookingRow> table = new KeysetTable<>("bookingsTable", vm.list(), vm.state(), "No bookings match.");
        TableView<BookingRow> rows = table.table();
        rows.getColumns().setAll(java.util.List.of(
                Tables.textColumn("Order", 112, 108, BookingRow::orderNumber),
                Tables.textColumn("Created", 142, 138, r -> LocalTimes.minutes(r.createdAt().toInstant(), zone)),
                Tables.textColumn("Scheduled", 142, 138, r -> LocalTimes.minutes(r.scheduledAt().toInstant(), zone)),
                Tables.textColumn("Status", 88, 80, r -> r.status().replace('_', ' ')),
                Tables.textColumn("Customer", 130, 80, BookingRow::customerName),
                Tables.textColumn("Provider", 130, 80, BookingRow::providerName)));
        Tables.bindSelection(rows, vm.selectedProperty());

        ScreenFrame frame = new ScreenFrame("bookings", "", vm.state(), body(table))
                .tools(estimate())
                .onEachShow(vm::load);
        browser = frame;
        setCenter(frame);
        rows.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.selectedProperty().get() != null) {
                openSelected();
                e.consume();
            }
        });
        rows.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selectedProperty().get() != null) {
                openSelected();
            }
        });
        addEventFilter(KeyEvent.KEY_TYPED, this::shortcut);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && getCenter() == pageView) {
                backToList();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelForm();
                cheatSheet.setVisible(false);
                rows.requestFocus();
                e.consume();
            }
        });
    }

    private void openSelected() {
        openBooking(vm.selectedProperty().get().id());
    }

    /** Shows one booking's page, as if picked from the list (the shell opens "bookings/&lt;id&gt;" this way). */
    public void openBooking(java.util.UUID booking) {
        page.open(booking);
        setCenter(pageView);
        // the table just left the scene; keep the focus inside this view so Escape reaches it
        pageView.lookup("#bookingPageBack").requestFocus();
    }

    /** Shows the list filtered by a link from another screen ("bookings/?from=...&category=..."). */
    public void showLink(java.util.Map<String, String> link) {
        vm.showLink(link);
        if (getCenter() != browser) {
            backToList();
        }
    }

    /** The booking page's "other bookings" links: back to the list, narrowed to that customer or provider. */
    private void showParty(BookingPageView.PartyLink link) {
        if (link.customer()) {
            vm.showCustomer(link.id(), link.name());
        } else {
            vm.showProvider(link.id(), link.name());
        }
        backToList();
    }

    private void backToList() {
        setCenter(browser);
        lookup("#bookingsTable").requestFocus();
    }

    private javafx.scene.Node body(KeysetTable<BookingRow> table) {
        search.setId("bookingSearch");
        search.setPromptText("Order number, customer, provider or address  ( / )");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnAction(e -> {
            vm.applyCommand().execute();
            table.table().requestFocus();
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        ChoiceBox<String> status = new ChoiceBox<>();
        status.setId("bookingStatusFilter");
        status.getItems().setAll(BookingsViewModel.STATUSES);
        status.setConverter(converter(s -> s.isEmpty() ? "Any status" : s.replace('_', ' ')));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.valueProperty().addListener((obs, old, now) -> vm.filtersChanged());
        ChoiceBox<BookingSort> sort = new ChoiceBox<>();
        sort.setId("bookingSort");
        sort.getItems().setAll(BookingSort.values());
        sort.setConverter(converter(BookingSort::label));
        sort.valueProperty().bindBidirectional(vm.filters().sortProperty());
        sort.valueProperty().addListener((obs, old, now) -> vm.filtersChanged());
        Button go = Buttons.accent("searchBookings", vm.applyCommand(), Feather.SEARCH);
        HBox filters = new HBox(8, search, status, sort, go);
        filters.setAlignment(Pos.CENTER_LEFT);

        cheatSheet.setId("bookingsCheatSheet");
        cheatSheet.getStyleClass().addAll(Styles.TEXT_SMALL, "cheat-sheet");
        cheatSheet.setStyle("-fx-font-family: monospace; -fx-padding: 8; -fx-border-color: -color-border-default;");
        cheatSheet.setVisible(false);
        cheatSheet.managedProperty().bind(cheatSheet.visibleProperty());
        Label hint = new Label("Press ? for keyboard shortcuts");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox left = new VBox(8, table, hint, cheatSheet);
        VBox.setVgrow(table, Priority.ALWAYS);
        BorderPane content = new BorderPane(left);
        content.setRight(movePanel());
        BorderPane.setMargin(content.getRight(), new javafx.geometry.Insets(0, 0, 0, 12));
        content.setLeft(new SavedViewsPane(vm.savedViews()));
        // the filters span the list and the move panel, so they wrap into two rows at most
        VBox top = new VBox(8, filters, new BookingFilterBar(vm));
        top.setPadding(new javafx.geometry.Insets(0, 0, 8, 0));
        content.setTop(top);
        BorderPane.setMargin(content.getLeft(), new javafx.geometry.Insets(0, 12, 0, 0));
        return content;
    }

    private FormPanel movePanel() {
        FormPanel panel = new FormPanel("bookingMovePanel", "Move booking");
        panel.setPrefWidth(320);
        panel.setMinWidth(280);
        Label selected = new Label();
        selected.setId("bookingSelected");
        selected.setWrapText(true);
        selected.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.selectedProperty().get()),
                vm.selectedProperty()));
        FlowPane moves = new FlowPane(6, 6);
        moves.setId("bookingMoves");
        vm.moves().addListener((ListChangeListener<BookingTransition>) c -> moves.getChildren().setAll(
                vm.moves().stream().map(this::moveButton).toList()));
        panel.add(selected, moves);

        VBox form = new VBox(8);
        form.visibleProperty().bind(vm.moveProperty().isNotNull());
        form.managedProperty().bind(form.visibleProperty());
        ChoiceBox<CancelReason> reason = new ChoiceBox<>(vm.reasons());
        reason.setId("cancelReason");
        reason.setConverter(converter(r -> r.label()));
        reason.valueProperty().bindBidirectional(vm.reasonProperty());
        reason.maxWidthProperty().set(Double.MAX_VALUE);
        Label reasonLabel = new Label("Reason");
        VBox reasonBox = new VBox(4, reasonLabel, reason);
        reasonBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.moveProperty().get() != null && vm.moveProperty().get().needsReason(), vm.moveProperty()));
        reasonBox.managedProperty().bind(reasonBox.visibleProperty());
        form.getChildren().add(reasonBox);
        TextField note = new TextField();
        note.setId("moveNote");
        note.textProperty().bindBidirectional(vm.note().textProperty());
        form.getChildren().addAll(Fields.label(vm.note().label(), note), note,
                Fields.problem("moveNoteProblem", vm.note().problem(), note));
        panel.add(form);
        Button confirm = Buttons.accent("confirmMove", vm.moveCommand(), Feather.CHECK);
        confirm.textProperty().bind(Bindings.createStringBinding(() -> vm.moveProperty().get() == null ? "Move"
                : "Move to " + vm.moveProperty().get().targetStatus().replace('_', ' '), vm.moveProperty()));
        confirm.visibleProperty().bind(form.visibleProperty());
        Button close = new Button("Close");
        close.setId("closeMoveForm");
        close.setOnAction(e -> vm.cancelForm());
        close.visibleProperty().bind(form.visibleProperty());
        panel.actions(confirm, close);
        return panel;
    }

    private String describe(BookingRow r) {
        if (r == null) {
            return "Select a booking to see where it can go next.";
        }
        return r.orderNumber() + " is " + r.status().replace('_', ' ') + ".\n"
                + "Scheduled " + LocalTimes.minutes(r.scheduledAt().toInstant(), zone) + "\n"
                + "Customer: " + r.customerName() + "\n"
                + "Provider: " + r.providerName() + "\n"
                + "Drop-off: " + r.dropoffAddress() + "\n"
                + "Total $" + r.priceTotal().toPlainString() + ", payment " + r.paymentStatus() + ".";
    }

    private Button moveButton(BookingTransition t) {
        Button b = new Button(t.label() + "  (" + t.shortcut() + ")");
        b.setId("move-" + t.name().toLowerCase());
        b.getStyleClass().add(t == BookingTransition.CANCEL ? Styles.DANGER : Styles.BUTTON_OUTLINED);
        b.disableProperty().bind(vm.state().busyProperty());
        b.setOnAction(e -> vm.begin(t));
        return b;
    }

    private Label estimate() {
        Label l = new Label();
        l.setId("bookingsEstimate");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.textProperty().bind(vm.estimateProperty());
        return l;
    }

    private void shortcut(KeyEvent e) {
        if (e.getTarget() instanceof TextField || getCenter() == pageView) {
            return; // typing in the search or the note
        }
        TableView<?> table = (TableView<?>) lookup("#bookingsTable");
        switch (e.getCharacter()) {
            case "/" -> search.requestFocus();
            case "?" -> cheatSheet.setVisible(!cheatSheet.isVisible());
            case "j" -> table.getSelectionModel().selectNext();
            case "k" -> table.getSelectionModel().selectPrevious();
            default -> {
                for (BookingTransition t : BookingTransition.values()) {
                    if (t.shortcut().equalsIgnoreCase(e.getCharacter())) {
                        vm.begin(t);
                    }
                }
                return;
            }
        }
        e.consume();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return BookingFilterBar.converter(text);
    }
}
