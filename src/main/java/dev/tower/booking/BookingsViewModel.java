package dev.tower.booking;

import dev.tower.error.ConflictException;
import dev.tower.error.TowerException;
import dev.tower.security.Permission;
import dev.tower.security.Session;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The bookings browser: search, every filter and saved views over a keyset list (newest first, more on scroll),
 * the selected booking's legal next moves (from the transition table), and the transition form
 * (cancel needs a reason and a note). A conflict shows who changed the booking and reloads the list.
 */
public final class BookingsViewModel {
    public static final int PAGE_SIZE = 60;
    /** The status filter's "any status" choice. */
    public static final String ANY_STATUS = BookingFilterForm.ANY;
    public static final List<String> STATUSES = BookingFilterForm.STATUSES;

    private final BookingService service;
    private final ScreenState state;
    private final KeysetList<BookingFilter, BookingCursor, BookingRow> list;
    private final BookingFilterForm filters = new BookingFilterForm(ZoneId.systemDefault());
    private final SavedViewsModel savedViews;
    private boolean showing;
    private final ObjectProperty<BookingRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<BookingTransition> moves = FXCollections.observableArrayList();
    private final ObservableList<CancelReason> reasons = FXCollections.observableArrayList();
    private final ObjectProperty<BookingTransition> move = new SimpleObjectProperty<>(this, "move");
    private final ObjectProperty<CancelReason> reason = new SimpleObjectProperty<>(this, "reason");
    private final Field note = new Field("Note", "", FieldRule.length("Note", 1, 2000));
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final Command apply;
    private final Command confirmMove;

    public BookingsViewModel(BookingService service, Session session, TaskExecutor executor) {
        this(service, session, executor, PAGE_SIZE);
    }

    BookingsViewModel(BookingService service, Session session, TaskExecutor executor, int pageSize) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.list = new KeysetList<>(state, "bookings", pageSize, BookingFilter.ANY, service::read, this::cursorAfter);
        SimpleBooleanProperty mayView = new SimpleBooleanProperty(session.has(Permission.VIEW_BOOKINGS));
        SimpleBooleanProperty mayMove = new SimpleBooleanProperty(session.has(Permission.CHANGE_BOOKING_STATUS));
        apply = Command.reading(state.gate(), "Search", mayView, new SimpleBooleanProperty(true), state.busyProperty(), this::applyFilters);
        BooleanBinding formComplete = Bindings.createBooleanBinding(this::moveFormComplete,
                move, reason, note.textProperty(), selected);
        confirmMove = Command.of(state.gate(), "Move", mayMove, formComplete, state.busyProperty(), this::confirmMove);
        selected.addListener((obs, old, row) -> loadMoves(row));
        savedViews = new SavedViewsModel(service, session, state, list::filter, this::show);
    }

    /** Shows the screen: the cancellation reasons, the size estimate and the newest bookings. */
    public void load() {
        state.run("reasons", "Loading cancellation reasons…", service::cancelReasons, reasons::setAll);
        state.run("areas", "Loading service areas…", service::serviceAreas, this::showAreas);
        savedViews.load();
        state.run("estimate", "Estimating…", service::estimatedTotal,
                n -> estimate.set(n > 0 ? "about " + String.format("%,d", n) + " bookings" : ""));
        applyFilters();
    }

    /** The filter controls become the list's filter; the first page is read again. */
    public void applyFilters() {
        try {
            list.setFilter(filters.toFilter());
        } catch (TowerException e) {
            state.fail(e);
            return;
        }
        selected.set(null);
        list.reload();
    }

    /** Shows {@code filter} in the controls and reads its first page (a saved view, a party's bookings). */
    public void show(BookingFilter filter) {
        showing = true;
        try {
            filters.show(filter);
        } finally {
            showing = false;
        }
        applyFilters();
    }

    /** A filter control changed: read the first page again (once, not per control, while a view is shown). */
    public void filtersChanged() {
        if (!showing) {
            apply.execute();
        }
    }

    /** The next page starts after {@code row} in the order the list is sorted by. */
    private BookingCursor cursorAfter(BookingRow row) {
        return BookingCursor.after(row, list.filter().sort());
    }

    /** A choice box drops its value when its items are replaced; the chosen area is put back without a reload. */
    private void showAreas(List<ServiceAreaChoice> areas) {
        ServiceAreaChoice chosen = filters.areaProperty().get();
        showing = true;
        try {
            filters.areas().setAll(BookingFilterForm.ANY_AREA);
            filters.areas().addAll(areas);
            filters.areaProperty().set(chosen == null ? BookingFilterForm.ANY_AREA : chosen);
        } finally {
            showing = false;
        }
    }

    /** Only this customer's bookings, every other filter cleared (the booking page's link). */
    public void showCustomer(UUID id, String name) {
        filters.customerProperty().set(new BookingFilterForm.Party(id, name));
        show(BookingFilter.ofCustomer(id));
    }

    /** The browser opened already filtered from another screen's link (see {@link BookingLink}). */
    public void showLink(java.util.Map<String, String> link) {
        BookingFilter filter;
        try {
            filter = BookingLink.filter(link, ZoneId.systemDefault());
        } catch (TowerException e) {
            state.fail(e);
            return;
        }
        String providerName = link.getOrDefault("providerName", "from the link");
        filters.providerProperty().set(filter.providerId() == null ? null
                : new BookingFilterForm.Party(filter.providerId(), providerName));
        show(filter);
    }

    /** Only this provider's bookings, every other filter cleared. */
    public void showProvider(UUID id, String name) {
        filters.providerProperty().set(new BookingFilterForm.Party(id, name));
        show(BookingFilter.ofProvider(id));
    }

    private void loadMoves(BookingRow row) {
        moves.clear();
        move.set(null);
        if (row == null) {
            return;
        }
        state.run("moves", "Reading the legal next states…", () -> service.legalNextStates(row.status()), next -> {
            next.forEach(s -> BookingTransition.to(s).ifPresent(moves::add));
        });
    }

    /** Starts the transition form for {@code transition} if the selected booking may take it. */
    public boolean begin(BookingTransition transition) {
        if (!moves.contains(transition)) {
            return false;
        }
        move.set(transition);
        reason.set(null);
        note.setText("");
        return true;
    }

    public void cancelForm() {
        move.set(null);
    }

    private boolean moveFormComplete() {
        BookingTransition t = move.get();
        if (t == null || selected.get() == null || !note.isValid()) {
            return false;
        }
        return (!t.needsReason() || reason.get() != null) && (!t.needsNote() || !note.value().isEmpty());
    }

    private void confirmMove() {
        BookingRow row = selected.get();
        BookingTransition t = move.get();
        String reasonCode = reason.get() == null ? null : reason.get().code();
        String text = note.value().isEmpty() ? null : note.value();
        state.run("main", "Moving " + row.orderNumber() + " to " + t.targetStatus() + "…",
                progress -> service.move(row.id(), row.version(), t, reasonCode, text),
                version -> {
                    move.set(null);
                    list.reload();
                    state.notice("Booking " + row.orderNumber() + " is now " + t.targetStatus().replace('_', ' ') + ".");
                },
                failure -> {
                    if (failure instanceof ConflictException) {
                        // someone else moved it: show the fresh row; starting the reload clears messages,
                        // so the conflict is shown after it starts
                        move.set(null);
                        list.reload();
                    }
                    state.fail(failure);
                });
    }

    public ScreenState state() { return state; }

    public KeysetList<BookingFilter, BookingCursor, BookingRow> list() { return list; }

    public StringProperty searchProperty() { return filters.searchProperty(); }

    public ObjectProperty<String> statusProperty() { return filters.statusProperty(); }

    public BookingFilterForm filters() { return filters; }

    public SavedViewsModel savedViews() { return savedViews; }

    public ObjectProperty<BookingRow> selectedProperty() { return selected; }

    public ObservableList<BookingTransition> moves() { return moves; }

    public ObservableList<CancelReason> reasons() { return reasons; }

    public ObjectProperty<BookingTransition> moveProperty() { return move; }

    public ObjectProperty<CancelReason> reasonProperty() { return reason; }

    public Field note() { return note; }

    public ReadOnlyStringProperty estimateProperty() { return estimate.getReadOnlyProperty(); }

    public Command applyCommand() { return apply; }

    public Command moveCommand() { return confirmMove; }
}
