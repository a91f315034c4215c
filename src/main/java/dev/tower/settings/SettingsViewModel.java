package dev.tower.settings;

import dev.tower.error.ErrorText;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.error.ValidationException;
import dev.tower.ui.BackgroundTask;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
 * change someone made meanwhile is refused rather than overwritten.
 */
public final class SettingsViewModel {
    private final SettingsService service;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final List<Row> rows;

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding canReload = busy.not();

    public SettingsViewModel(SettingsService service, TaskExecutor executor) {
        this(service, executor, ZoneId.systemDefault());
    }

    public SettingsViewModel(SettingsService service, TaskExecutor executor, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.zone = Objects.requireNonNull(zone);
        rows = Arrays.stream(SettingKind.values()).map(Row::new).toList();
    }

    /** Reads every setting; drafts start from the stored values. */
    public void load() {
        busyMessage.set("Loading settings\u2026");
        executor.execute(BackgroundTask.of("Load system settings", busy, service::list)
                .onSuccess(this::show)
                .onFailure(this::failed));
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
        error.set(null);
        notice.set("");
        busyMessage.set("Saving\u2026");
        executor.execute(BackgroundTask.of("Save setting " + row.kind.key(), busy, () -> service.update(row.kind, value, readAt))
                .onSuccess(savedAt -> {
                    notice.set("Saved. " + row.title() + ": " + withUnit(row.kind, value) + ".");
                    load();
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException refused) {
                        row.problem.set(refused.plainMessage()); // includes "changed meanwhile: reload"
                    } else {
                        failed(failure);
                    }
                }));
    }

    private void show(List<SystemSetting> settings) {
        for (Row row : rows) {
            row.show(settings.stream().filter(s -> s.kind() == row.kind).findFirst().orElse(null));
        }
    }

    private void failed(TowerException failure) {
        error.set(ErrorText.describe(failure));
    }

    /** "200.00 USD", "48 hours", "12.50%". */
    static String withUnit(SettingKind kind, String value) {
        return kind.unit().equals("%") ? value + "%" : value + " " + kind.unit();
    }

    public List<Row> rows() { return rows; }

    public Row row(SettingKind kind) {
        return rows.stream().filter(r -> r.kind == kind).findFirst().orElseThrow();
    }

    public BooleanBinding canReloadProperty() { return canReload; }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return error.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

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
        private Instant updatedAt;

        private Row(SettingKind kind) {
            this.kind = kind;
            // typing replaces whatever was wrong before (a stale-value refusal included) with the draft's own check
            draft.addListener((obs, old, now) -> problem.set(check(now)));
            canSave = Bindings.createBooleanBinding(() -> !busy.get() && available.get()
                    && !draft.get().isBlank() && !draft.get().strip().equals(value.get()) && problem.get().isEmpty(),
                    busy, available, draft, value, problem);
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

        private void show(SystemSetting setting) {
            available.set(setting != null);
            updatedAt = setting == null ? null : setting.updatedAt();
            value.set(setting == null ? "" : setting.value());
            description.set(setting == null ? "This setting is missing from the database." : setting.description());
            lastChanged.set(setting == null ? "" : "Last changed " + LocalTimes.minutes(setting.updatedAt(), zone));
            draft.set(value.get());
            problem.set("");
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
    }
}
