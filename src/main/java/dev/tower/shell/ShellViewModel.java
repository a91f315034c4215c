package dev.tower.shell;

import dev.tower.error.ErrorText;
import dev.tower.error.UserMessage;
import dev.tower.security.AccessGuard;
import dev.tower.security.Session;
import dev.tower.ui.BackgroundTask;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.ThemeSetting;
import dev.tower.ui.kit.Navigator;
import dev.tower.ui.kit.Place;
import dev.tower.ui.WriteGate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in frame: which sections the role may open, which place (section, optionally one record in
 * it) is open with a Back history, who is signed in. Screens open a record elsewhere through {@link #open}.
 */
public final class ShellViewModel {
    private final Session session;
    private final TaskExecutor executor;
    private final ThemeSetting theme;
    private final Runnable onSignedOut;

    private final ObservableList<Section> sections;
    private final ReadOnlyObjectWrapper<Section> selectedSection = new ReadOnlyObjectWrapper<>(this, "selectedSection");
    private final ReadOnlyStringWrapper userName = new ReadOnlyStringWrapper(this, "userName");
    private final ReadOnlyStringWrapper roleLabel = new ReadOnlyStringWrapper(this, "roleLabel");
    private final ReadOnlyStringWrapper databaseLabel = new ReadOnlyStringWrapper(this, "databaseLabel");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final Navigator navigator;
    private final ReadOnlyStringWrapper connectionBanner = new ReadOnlyStringWrapper(this, "connectionBanner", "");
    private final ReadOnlyStringWrapper readOnlyBanner = new ReadOnlyStringWrapper(this, "readOnlyBanner", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper reconnections =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "reconnections");
    private final javafx.beans.binding.BooleanBinding offerMigration;
    private final javafx.util.Subscription onlineWatch;

    /**
     * @param executor    the window's; its {@link TaskExecutor#gate() gate} is watched until {@link #close}
     * @param onSignedOut runs on the UI thread once the session's connections are closed
     */
    public ShellViewModel(Session session, TaskExecutor executor, ThemeSetting theme, Runnable onSignedOut) {
        this.session = Objects.requireNonNull(session);
        this.executor = Objects.requireNonNull(executor);
        this.theme = Objects.requireNonNull(theme);
        this.onSignedOut = Objects.requireNonNull(onSignedOut);
        sections = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                Arrays.stream(Section.values()).filter(s -> session.has(s.permission())).toList()));
        userName.set(session.displayName());
        roleLabel.set(session.role().label());
        databaseLabel.set(session.databaseLabel());
        selectedSection.set(sections.isEmpty() ? null : sections.getFirst());
        navigator = new Navigator(Place.section(sections.isEmpty() ? NO_SECTION : sections.getFirst().key()));
        navigator.currentProperty().addListener((obs, old, place) -> selectedSection.set(sectionOf(place).orElse(null)));
        WriteGate gate = executor.gate();
        // a watch, not a bare listener: the gate outlives this shell, and close() ends it so the gate does
        // not keep a signed-out shell and its session alive
        onlineWatch = gate.watchOnline(this::connectionChanged);
        connectionChanged(gate.online().get());
        readOnlyBanner.bind(gate.readOnlyReason());
        boolean mayMigrate = session.has(dev.tower.security.Permission.APPLY_MIGRATIONS);
        offerMigration = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> mayMigrate && !gate.readOnlyReason().get().isEmpty(), gate.readOnlyReason());
    }

    /** Ends this shell's watch of the write gate; the composition root calls it when the shell goes away. */
    public void close() {
        onlineWatch.unsubscribe();
        readOnlyBanner.unbind();
        offerMigration.dispose();
    }

    private void connectionChanged(boolean online) {
        if (online) {
            if (!connectionBanner.get().isEmpty()) {
                connectionBanner.set("");
                // the open screen reads its record again before anything is retried (ShellView re-shows it)
                reconnections.set(reconnections.get() + 1);
            }
            return;
        }
        connectionBanner.set("Lost the connection to the database at "
                + java.time.LocalTime.now().withNano(0) + ". Tower reconnects by itself; changes are off until it is"
                + " back, and nothing you started was half-applied.");
    }

    /** Opens the Schema section, where an admin reviews and applies the pending migrations. */
    public void openSchema() {
        select(Section.SCHEMA);
    }

    /** Where a role without any section "is": nothing can be opened from there. */
    private static final String NO_SECTION = "none";

    /** Opens a section; refuses (typed) one the role may not see, whatever the view shows. */
    public void select(Section section) {
        open(Place.section(section.key()));
    }

    /**
     * Opens a place (a section, or one record in it: "bookings/&lt;id&gt;"), remembering the current one for
     * {@link #back}; refuses (typed) a section the role may not see, and says so for one that does not exist.
     */
    public void open(Place place) {
        Optional<Section> section = sectionOf(place);
        if (section.isEmpty()) {
            error.set(new UserMessage("Nothing to open",
                    "There is no \"" + place.section() + "\" section in Tower.", place.toString()));
            return;
        }
        AccessGuard.require(session, section.get().permission());
        error.set(null);
        navigator.goTo(place);
    }

    /** Returns to the place opened before this one; false when there is none. */
    public boolean back() {
        error.set(null);
        return navigator.back();
    }

    private static Optional<Section> sectionOf(Place place) {
        return Arrays.stream(Section.values()).filter(s -> s.key().equals(place.section())).findFirst();
    }

    /** Closes this staff member's connections off the UI thread, then hands back to sign-in. */
    public void signOut() {
        if (busy.get()) {
            return;
        }
        busyMessage.set("Signing out\u2026");
        executor.execute(BackgroundTask.ofAction("Sign out " + session.login(), busy, session::close)
                .onSuccess(done -> onSignedOut.run())
                .onFailure(failure -> error.set(ErrorText.describe(failure))));
    }

    public void toggleTheme() {
        theme.toggle();
    }

    public ObservableList<Section> sections() { return sections; }

    /** The open place; its section is {@link #selectedSectionProperty}. */
    public ReadOnlyObjectProperty<Place> placeProperty() { return navigator.currentProperty(); }

    public BooleanBinding canGoBack() { return navigator.canGoBack(); }

    public ReadOnlyObjectProperty<Section> selectedSectionProperty() { return selectedSection.getReadOnlyProperty(); }

    public ReadOnlyStringProperty userNameProperty() { return userName.getReadOnlyProperty(); }

    public ReadOnlyStringProperty roleLabelProperty() { return roleLabel.getReadOnlyProperty(); }

    public ReadOnlyStringProperty databaseLabelProperty() { return databaseLabel.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty darkThemeProperty() { return theme.darkProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return error.getReadOnlyProperty(); }

    /** What the banner says while the database is unreachable; "" while it answers. */
    public ReadOnlyStringProperty connectionBannerProperty() { return connectionBanner.getReadOnlyProperty(); }

    /** Why the session is read-only (schema behind or ahead); "" when it may write. */
    public ReadOnlyStringProperty readOnlyBannerProperty() { return readOnlyBanner.getReadOnlyProperty(); }

    /** Counts returns of the database; the view re-reads the open screen on each. */
    public javafx.beans.property.ReadOnlyIntegerProperty reconnectionsProperty() { return reconnections.getReadOnlyProperty(); }

    /** An admin on a read-only schema is offered the migrations panel from the banner. */
    public javafx.beans.binding.BooleanBinding offerMigrationProperty() { return offerMigration; }
}
