package dev.tower.booking;

import dev.tower.security.Permission;
import dev.tower.security.Session;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The saved views beside the browser: the caller's own and those shared with their role, each with a
 * bounded count ("12", or "100+" past {@link #COUNT_CAP}: never a full count), saved and deleted through the
 * ops functions. Applying a view hands its filter to the browser.
 */
public final class SavedViewsModel {
    /** Counts stop here: one keyset page of at most this many rows plus one per view. */
    public static final int COUNT_CAP = 100;
    /** Only the first views get a count, so the side pane stays cheap however many are shared. */
    public static final int COUNTED_VIEWS = 20;

    /** A view as the side pane lists it. */
    public record Line(SavedView view, String count) {
        public String label() {
            return view.name() + (view.shared() ? " (shared)" : "") + (count.isEmpty() ? "" : "  " + count);
        }
    }

    private final BookingService service;
    private final ScreenState state;
    private final Supplier<BookingFilter> current;
    private final Consumer<BookingFilter> apply;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final Field name = new Field("View name", "", FieldRule.length("View name", 1, 80));
    private final BooleanProperty shareWithRole = new SimpleBooleanProperty(this, "shareWithRole");
    private final Command save;

    /**
     * @param current the browser's filter as last applied (what "Save" stores)
     * @param apply   shows a view's filter in the controls and reads its first page
     */
    SavedViewsModel(BookingService service, Session session, ScreenState state, Supplier<BookingFilter> current,
                    Consumer<BookingFilter> apply) {
        this.service = service;
        this.state = state;
        this.current = current;
        this.apply = apply;
        SimpleBooleanProperty mayView = new SimpleBooleanProperty(session.has(Permission.VIEW_BOOKINGS));
        // a blank name is not an error to show, but nothing to save either
        BooleanBinding named = Bindings.createBooleanBinding(() -> name.isValid() && !name.value().isEmpty(),
                name.textProperty());
        save = Command.of(state.gate(), "Save view", mayView, named, state.busyProperty(), this::save);
    }

    public void load() {
        state.run("views", "Reading saved views…", this::readWithCounts, lines::setAll);
    }

    private List<Line> readWithCounts() {
        List<SavedView> views = service.savedViews();
        List<Line> result = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            SavedView v = views.get(i);
            result.add(new Line(v, i < COUNTED_VIEWS ? count(service.countUpTo(v.filter(), COUNT_CAP)) : ""));
        }
        return result;
    }

    private static String count(int n) {
        return n > COUNT_CAP ? COUNT_CAP + "+" : Integer.toString(n);
    }

    /** Shows the view's bookings: its filter goes into the controls and the first page is read. */
    public void apply(Line line) {
        apply.accept(line.view().filter());
    }

    private void save() {
        String viewName = name.value();
        BookingFilter filter = current.get();
        boolean shared = shareWithRole.get();
        state.run("views", "Saving the view " + viewName + "…", () -> {
            service.saveView(viewName, filter, shared);
            return readWithCounts();
        }, saved -> {
            lines.setAll(saved);
            name.setText("");
            state.notice("Saved the view \"" + viewName + "\"" + (shared ? ", shared with your role." : "."));
        });
    }

    /** Deletes one of the caller's own views (the database refuses anyone else's, and says whose it is). */
    public void delete(Line line) {
        state.run("views", "Deleting the view " + line.view().name() + "…", () -> {
            service.deleteView(line.view().id());
            return readWithCounts();
        }, left -> {
            lines.setAll(left);
            state.notice("Deleted the view \"" + line.view().name() + "\".");
        });
    }

    public ObservableList<Line> lines() { return lines; }

    public Field name() { return name; }

    public BooleanProperty shareWithRoleProperty() { return shareWithRole; }

    public Command saveCommand() { return save; }
}
