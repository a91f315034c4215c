package dev.tower.signin;

import dev.tower.connection.ConnectionProfile;
import dev.tower.connection.ConnectionProfile.TlsMode;
import dev.tower.connection.ProfileService;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.Form;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sign-in screen's database chooser: the embedded database, each saved connection profile, or an
 * address typed by hand. Choosing a profile fills the sign-in's address and login, and its password when
 * the desktop keyring keeps one; otherwise the password is asked for. Profiles are added (blank or from
 * the Supabase preset), edited and deleted here; a password goes only to the keyring, never to a file.
 */
public final class ProfilePickerViewModel {
    static final String ASKED = "Tower asks for this profile's password at each sign-in.";
    static final String FROM_KEYRING = "Password taken from the desktop keyring.";

    /** One line of the chooser; {@code profile} is null unless {@code kind} is PROFILE. */
    public record Choice(String id, String label, DatabaseChoice kind, ConnectionProfile profile) {}

    private record Loaded(List<ConnectionProfile> profiles, boolean keyring) {}

    private record Saved(List<ConnectionProfile> profiles, String name) {}

    private final ProfileService service;
    private final SignInViewModel signIn;
    private final ScreenState state;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper passwordSource = new ReadOnlyStringWrapper(this, "passwordSource", "");
    private final ReadOnlyBooleanWrapper keyringAvailable = new ReadOnlyBooleanWrapper(this, "keyringAvailable");

    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private String editingName; // the saved profile being edited; null for a new one
    private final Field name = new Field("Profile name", "", FieldRule.required("Profile name"),
            FieldRule.length("Profile name", 1, 80));
    private final Field host = new Field("Host", "", FieldRule.required("Host"));
    private final Field port = new Field("Port", "5432", FieldRule.required("Port"),
            FieldRule.pattern("Port", "\\d{1,5}", "a number from 1 to 65535"));
    private final Field database = new Field("Database", "", FieldRule.required("Database"));
    private final Field login = new Field("Login", "", FieldRule.required("Login"));
    private final Field caCertificate = new Field("CA certificate", "");
    private final Field readReplica = new Field("Read replica host", "");
    private final ObjectProperty<TlsMode> tls = new SimpleObjectProperty<>(this, "tls", TlsMode.VERIFY_FULL);
    private final StringProperty keyringPassword = new SimpleStringProperty(this, "keyringPassword", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final Form form = Form.of(name, host, port, database, login);

    private final Command newProfile;
    private final Command supabasePreset;
    private final Command edit;
    private final Command save;
    private final Command delete;
    private final Command cancel;

    public ProfilePickerViewModel(ProfileService service, SignInViewModel signIn, TaskExecutor executor) {
        this.service = Objects.requireNonNull(service);
        this.signIn = Objects.requireNonNull(signIn);
        this.state = new ScreenState(executor);
        BooleanProperty neverBusy = new SimpleBooleanProperty(false); // Cancel must work while a save hangs
        BooleanBinding notEditing = editing.not();
        BooleanBinding profileChosen = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().kind() == DatabaseChoice.PROFILE, selected);
        newProfile = Command.local("New profile", notEditing, state.busyProperty(), () -> startEditing(null, null));
        supabasePreset = Command.local("Supabase preset", notEditing, state.busyProperty(), this::startSupabase);
        edit = Command.local("Edit profile", notEditing.and(profileChosen), state.busyProperty(),
                () -> startEditing(selected.get().profile().name(), selected.get().profile()));
        save = Command.local("Save profile", editing.getReadOnlyProperty().and(form.valid()), state.busyProperty(), this::saveProfile);
        delete = Command.local("Delete profile", editing.getReadOnlyProperty().and(
                Bindings.createBooleanBinding(() -> editingName != null, editing)), state.busyProperty(), this::deleteProfile);
        cancel = Command.local("Cancel", editing.getReadOnlyProperty(), neverBusy, this::stopEditing);
        selected.addListener((obs, old, now) -> apply(now));
        rebuild(List.of(), null);
        state.run("Reading saved connection profiles\u2026",
                () -> new Loaded(service.list(), service.keyringAvailable()),
                loaded -> {
                    keyringAvailable.set(loaded.keyring());
                    rebuild(loaded.profiles(), null);
                });
    }

    /** The chooser's lines: embedded (when Tower started one), each saved profile, then "another database". */
    private void rebuild(List<ConnectionProfile> profiles, String select) {
        Choice before = selected.get();
        List<Choice> lines = new ArrayList<>();
        if (signIn.embeddedAvailable()) {
            lines.add(new Choice("embeddedDatabaseChoice", DatabaseAddress.EMBEDDED_LABEL, DatabaseChoice.EMBEDDED, null));
        }
        Set<String> ids = new HashSet<>();
        for (ConnectionProfile p : profiles) {
            String id = "profileChoice-" + p.name().replaceAll("[^A-Za-z0-9]+", "-");
            while (!ids.add(id)) {
                id = id + "-"; // two names that differ only in punctuation still get ids of their own
            }
            lines.add(new Choice(id, p.name() + "  \u00b7  " + p.login() + "@" + p.host() + ":" + p.port(),
                    DatabaseChoice.PROFILE, p));
        }
        lines.add(new Choice("addressDatabaseChoice", "Another database (JDBC URL)", DatabaseChoice.ADDRESS, null));
        choices.setAll(lines);
        Optional<Choice> keep = lines.stream().filter(c -> select != null && c.profile() != null
                && c.profile().name().equals(select)).findFirst();
        if (keep.isEmpty() && before != null) {
            keep = lines.stream().filter(c -> c.kind() != DatabaseChoice.PROFILE ? c.kind() == before.kind()
                    : before.profile() != null && c.profile().name().equals(before.profile().name())).findFirst();
        }
        if (keep.isEmpty()) {
            DatabaseChoice initial = signIn.databaseChoiceProperty().get();
            keep = lines.stream().filter(c -> c.kind() == initial).findFirst();
        }
        selected.set(keep.orElse(lines.get(lines.size() - 1)));
    }

    private void apply(Choice choice) {
        if (choice == null) {
            return;
        }
        passwordSource.set("");
        if (choice.kind() != DatabaseChoice.PROFILE) {
            signIn.databaseChoiceProperty().set(choice.kind());
            return;
        }
        ConnectionProfile profile = choice.profile();
        signIn.databaseUrlProperty().set(profile.jdbcUrl());
        signIn.loginProperty().set(profile.login());
        signIn.passwordProperty().set("");
        signIn.databaseChoiceProperty().set(DatabaseChoice.PROFILE);
        passwordSource.set(ASKED);
        if (keyringAvailable.get()) {
            state.run("keyring", "Looking for the password in the desktop keyring\u2026",
                    () -> service.savedPassword(profile), found -> found.ifPresent(pw -> {
                        if (choice.equals(selected.get()) && signIn.passwordProperty().get().isEmpty()) {
                            signIn.passwordProperty().set(new String(pw));
                            passwordSource.set(FROM_KEYRING);
                        }
                        Arrays.fill(pw, '\0');
                    }));
        }
    }

    private void startEditing(String original, ConnectionProfile from) {
        state.clearMessages();
        editingName = original;
        name.setText(from == null ? "" : from.name());
        host.setText(from == null ? "" : from.host());
        port.setText(from == null ? "5432" : String.valueOf(from.port()));
        database.setText(from == null ? "" : from.database());
        login.setText(from == null ? "" : from.login());
        tls.set(from == null ? TlsMode.VERIFY_FULL : from.tls());
        caCertificate.setText(from == null ? "" : from.caCertificate());
        readReplica.setText(from == null ? "" : from.readReplicaHost());
        keyringPassword.set("");
        hint.set(host.value().contains("supabase") ? ConnectionProfile.SUPABASE_POOLER_NOTE : "");
        editing.set(true);
    }

    /** Supabase's settings with the project's own host and login left to fill in, and why the port is 5432. */
    private void startSupabase() {
        startEditing(null, null);
        name.setText("Supabase");
        port.setText(String.valueOf(ConnectionProfile.SUPABASE_PORT));
        database.setText(ConnectionProfile.SUPABASE_DATABASE);
        tls.set(ConnectionProfile.SUPABASE_TLS);
        hint.set(ConnectionProfile.SUPABASE_POOLER_NOTE);
    }

    private void stopEditing() {
        keyringPassword.set("");
        state.clearMessages();
        editing.set(false);
    }

    private void saveProfile() {
        String original = editingName;
        String n = name.value();
        String h = host.value();
        String p = port.value();
        String d = database.value();
        String l = login.value();
        TlsMode t = tls.get();
        String ca = caCertificate.value();
        String replica = readReplica.value();
        char[] password = keyringPassword.get().toCharArray();
        state.run("Saving the profile\u2026", () -> {
            ConnectionProfile profile = ConnectionProfile.fromInput(n, h, p, d, l, t, ca, replica);
            try {
                return new Saved(service.save(original, profile, password), profile.name());
            } finally {
                Arrays.fill(password, '\0');
            }
        }, saved -> {
            stopEditing();
            rebuild(saved.profiles(), saved.name());
            state.notice("Saved the profile " + saved.name() + ".");
        });
    }

    private void deleteProfile() {
        String doomed = editingName;
        state.run("Deleting the profile\u2026", () -> service.delete(doomed), left -> {
            stopEditing();
            rebuild(left, null);
            state.notice("Deleted the profile " + doomed + ".");
        });
    }

    /** Picks the saved profile of that name, as a click on it would. */
    public void choose(String profileName) {
        choices.stream().filter(c -> c.profile() != null && c.profile().name().equals(profileName))
                .findFirst().ifPresent(selected::set);
    }

    public ObservableList<Choice> choices() { return choices; }

    public ObjectProperty<Choice> selectedProperty() { return selected; }

    /** Where the password comes from for the chosen profile, in plain words ("" for the other choices). */
    public ReadOnlyStringProperty passwordSourceProperty() { return passwordSource.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty keyringAvailableProperty() { return keyringAvailable.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }

    public ScreenState state() { return state; }

    public Field name() { return name; }

    public Field host() { return host; }

    public Field port() { return port; }

    public Field database() { return database; }

    public Field login() { return login; }

    public Field caCertificate() { return caCertificate; }

    public Field readReplica() { return readReplica; }

    public ObjectProperty<TlsMode> tlsProperty() { return tls; }

    /** Typed only to hand to the keyring on save; cleared afterwards. */
    public StringProperty keyringPasswordProperty() { return keyringPassword; }

    /** The Supabase note while its preset is being edited ("" otherwise). */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }

    public Command newProfile() { return newProfile; }

    public Command supabasePreset() { return supabasePreset; }

    public Command edit() { return edit; }

    public Command save() { return save; }

    public Command delete() { return delete; }

    public Command cancel() { return cancel; }
}
