package dev.tower.settings;

import dev.tower.error.ConflictException;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.error.ValidationException;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import dev.tower.ui.kit.Command;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The System settings screen: one editable row per {@link SettingKind}. A row's draft is checked as it
 * is typed (the same rules the database applies); saving passes the time the value was read, so a
 * change someone made meanwhile is refused (a conflict) rather than overwritten. Saving one card
 * refreshes the stored values but keeps what is typed, unsaved, on the other cards.
 */
public final class SettingsViewModel {
    private final SettingsService service;
    private final ZoneId zone;
    private final List<Row> rows;
    private final ScreenState state;
    private final BooleanBinding canReload;
    private final Command reload;
    // an admin's screen (the shell shows it to no one else): the permission is the session's given
    private final BooleanProperty admin = new SimpleBooleanProperty(true);

    public SettingsViewModel(SettingsService service, TaskExecutor executor) {
        this(service, executor, ZoneId.systemDefault());
    }

    public SettingsViewModel(SettingsService service, TaskExecutor executor, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.zone = Objects.requireNonNull(zone);
        this.canReload = state.busyProperty().not();
        rows = Arrays.stream(SettingKind.values()).map(Row::new).toList();
        reload = Command.reading(state.gate(), "Reload", admin, admin, state.busyProperty(), this::load);
    }

    /** Reads every setting; drafts start from the stored values (unsaved edits are discarded). */
    public void load() {
        state.run("Loading settings\u2026", () -> service.list(), settings -> show(settings, false));
    }

    public void save(Row row) {
        if (!row.canSave.get()) {
            return;
        }
        String value;
        try {
            value = row.kind.normalise(row.draft.get());
        } catch (ValidationException e) {
            row.problem.set(e.plainMessage());
            return;
        }
        Instant readAt = row.updatedAt;
        state.run("save", "Saving\u2026", progress -> {
            service.update(row.kind, value, readAt);
            return service.list();
        }, settings -> {
            show(settings, true);
            row.draft.set(row.value.get());
            state.notice("Saved. " + row.title() + ": " + withUnit(row.kind, value) + ".");
        }, failure -> refused(row, failure));
    }

    private void refused(Row row, TowerException failure) {
        switch (failure) {
            case ConflictException stale when stale.staleEdit() -> row.problem.set(stale.plainMessage());
            case ValidationException invalid -> row.problem.set(invalid.plainMessage());
            default -> state.fail(failure);
        }
    }

    private void show(List<SystemSetting> settings, boolean keepDrafts) {
        for (Row row : rows) {
            row.show(settings.stream().filter(s -> s.kind() == row.kind).findFirst().orElse(null), keepDrafts);
        }
    }

    /** "200.00 USD", "48 hours", "12.50%". */
    static String withUnit(SettingKind kind, String value) {
        return kind.unit().equals("%") ? value + "%" : value + " " + kind.unit();
    }

    public List<Row> rows() { return rows; }

    public Row row(SettingKind kind) {
        return rows.stream().filter(r -> r.kind == kind).findFirst().orElseThrow();
    }

    public ScreenState state() { return state; }

    public BooleanBinding canReloadProperty() { return canReload; }

    /** Reads every value again (discards unsaved edits); off while busy or the database is lost. */
    public Command reload() { return reload; }

    public ReadOnlyBooleanProperty busyProperty() { return state.busyProperty(); }

    public ReadOnlyStringProperty busyMessageProperty() { return state.busyMessageProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return state.errorProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return state.noticeProperty(); }

    /** One setting: what is stored, the draft being typed, and what is wrong with the draft if anything. */
    public final class Row {
        private final SettingKind kind;
        private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
        private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
        private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
        private final ReadOnlyStringWrapper lastChanged = new ReadOnlyStringWrapper(this, "lastChanged", "");
        private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
        private final BooleanBinding canSave;
        private final Command save;
        private Instant updatedAt;

        private Row(SettingKind kind) {
            this.kind = kind;
            // typing replaces whatever was wrong before (a stale-value refusal included) with the draft's own check
            draft.addListener((obs, old, now) -> problem.set(check(now)));
            canSave = Bindings.createBooleanBinding(() -> !state.isBusy() && available.get()
                    && !draft.get().isBlank() && !draft.get().strip().equals(value.get()) && problem.get().isEmpty(),
                    state.busyProperty(), available, draft, value, problem);
            save = Command.of(state.gate(), "Save", admin, canSave, state.busyProperty(), () -> SettingsViewModel.this.save(this));
        }

        private String check(String text) {
            if (text == null || text.strip().equals(value.get())) {
                return "";
            }
            try {
                kind.normalise(text);
                return "";
            } catch (ValidationException e) {
                return e.plainMessage();
            }
        }

        private void show(SystemSetting setting, boolean keepDraft) {
            boolean edited = keepDraft && !draft.get().strip().equals(value.get());
            available.set(setting != null);
            // an edit made over a value someone else has since changed keeps its old version: saving it is a conflict
            if (!edited || setting == null || setting.value().equals(value.get())) {
                updatedAt = setting == null ? null : setting.updatedAt();
            }
            value.set(setting == null ? "" : setting.value());
            description.set(setting == null ? "This setting is missing from the database." : setting.description());
            lastChanged.set(setting == null ? "" : "Last changed " + LocalTimes.minutes(setting.updatedAt(), zone));
            if (!edited) {
                draft.set(value.get());
                problem.set("");
            } else {
                problem.set(check(draft.get()));
            }
        }

        public SettingKind kind() { return kind; }

        /** A short name for the card's heading. */
        public String title() { return kind.title(); }

        public String label() { return kind.label(); }

        public String unit() { return kind.unit(); }

        /** The stored value with its unit, for reading. */
        public String valueText() {
            return value.get().isEmpty() ? "not set" : withUnit(kind, value.get());
        }

        public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }

        public ReadOnlyStringProperty valueProperty() { return value.getReadOnlyProperty(); }

        public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }

        public ReadOnlyStringProperty lastChangedProperty() { return lastChanged.getReadOnlyProperty(); }

        public StringProperty draftProperty() { return draft; }

        public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

        public BooleanBinding canSaveProperty() { return canSave; }

        /** Saves this row's draft; also off while the session may not write (database lost, schema read-only). */
        public Command save() { return save; }
    }
}
