package dev.tower.schema;

import dev.tower.security.SchemaStanding;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The migrations panel (Schema section): Flyway's rows, the database's standing against this build, and
 * validate / migrate / repair. Migrate and repair ask first; migrate's question lists the scripts it will run.
 * These commands need the database online but not a writable schema: fixing the schema is what they are for.
 */
public final class MigrationsViewModel {
    static final String REPAIR_WARNING = "Repair rewrites Flyway's history table, nothing else: it deletes the"
            + " entries of failed migrations (whatever they already changed stays in the database, so check it first)"
            + " and records the current files' checksums for scripts that changed, so Flyway stops flagging them."
            + " It runs nothing and undoes nothing.";

    private final SchemaService service;
    private final ZoneId zone;
    private final Consumer<SchemaStanding> onStanding;
    private final ScreenState state;
    private final Confirmations confirmations = new Confirmations();
    private final ObservableList<MigrationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Command reload;
    private final Command validate;
    private final Command migrate;
    private final Command repair;

    /** @param onStanding told the schema's standing after every load and migration (the session's write gate follows it) */
    public MigrationsViewModel(SchemaService service, TaskExecutor executor, boolean mayApply, ZoneId zone,
                               Consumer<SchemaStanding> onStanding) {
        this.service = Objects.requireNonNull(service);
        this.zone = Objects.requireNonNull(zone);
        this.onStanding = Objects.requireNonNull(onStanding);
        this.state = new ScreenState(executor);
        SimpleBooleanProperty always = new SimpleBooleanProperty(true);
        SimpleBooleanProperty apply = new SimpleBooleanProperty(mayApply);
        reload = Command.reading(state.gate(), "Reload", always, always, state.busyProperty(), this::load);
        validate = Command.reading(state.gate(), "Validate", always, always, state.busyProperty(), this::runValidate);
        migrate = Command.reading(state.gate(), "Migrate\u2026", apply, Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.status() == MigrationRow.Status.PENDING), rows),
                state.busyProperty(), this::askMigrate);
        repair = Command.reading(state.gate(), "Repair\u2026", apply, always, state.busyProperty(), this::askRepair);
    }

    private record Loaded(List<MigrationRow> rows, SchemaStanding standing) {}

    public void load() {
        state.run("Reading the migration history\u2026", () -> new Loaded(service.status(), service.standing()), this::show);
    }

    private void show(Loaded loaded) {
        rows.setAll(loaded.rows());
        SchemaStanding s = loaded.standing();
        long attention = loaded.rows().stream().filter(r -> r.status().needsAttention()).count();
        summary.set("Database at version " + (s.databaseVersion() == null ? "none" : s.databaseVersion())
                + " \u00b7 this Tower knows up to " + s.buildVersion() + " \u00b7 " + switch (s.state()) {
                    case CURRENT -> "up to date";
                    case BEHIND -> "behind: " + s.pending().size() + " pending";
                    case AHEAD -> "ahead of this Tower: writes refused";
                    case UNKNOWN -> "unknown";
                } + (attention == 0 ? "" : " \u00b7 " + attention + " row(s) need attention"));
        onStanding.accept(s);
    }

    private void runValidate() {
        state.run("validate", "Validating every applied script against its file\u2026", service::validate, report -> {
            problems.setAll(report.problems());
            state.notice(report.valid() ? "Valid: every applied migration matches its file."
                    : "Not valid: " + report.problems().size() + " problem(s), listed below.");
        });
    }

    private void askMigrate() {
        state.run("migrate", "Reading the pending migrations\u2026", service::pending, pending -> {
            if (pending.isEmpty()) {
                state.notice("Nothing to apply: no migration is pending.");
                load();
                return;
            }
            List<String> versions = pending.stream().map(MigrationRow::version).toList();
            StringBuilder list = new StringBuilder("These scripts will run, in this order, as tower_owner:\n");
            pending.forEach(r -> list.append("\n\u2022 ").append(r.script()));
            list.append("\n\nEach runs in its own transaction; one that fails stops the rest and is rolled back.");
            confirmations.ask(Confirmation.ask("Apply " + pending.size() + " migration(s)?", list.toString(),
                    "Apply migrations", () -> runMigrate(versions)));
        });
    }

    private void runMigrate(List<String> versions) {
        state.run("migrate", "Applying " + versions.size() + " migration(s)\u2026", () -> service.migrate(versions), outcome -> {
            state.notice("Applied " + outcome.applied().size() + " migration(s): " + String.join(", ", outcome.applied()) + ".");
            onStanding.accept(outcome.standing());
            load();
        });
    }

    private void askRepair() {
        confirmations.ask(Confirmation.ask("Repair the migration history?", REPAIR_WARNING, "Repair", () ->
                state.run("repair", "Repairing the migration history\u2026", service::repair, outcome -> {
                    problems.setAll(outcome.actions());
                    state.notice(outcome.actions().isEmpty() ? "Repair found nothing to change."
                            : "Repaired: " + outcome.actions().size() + " change(s), listed below.");
                    load();
                })));
    }

    /** "2026-12-02 16:41" in the user's zone, "" when not applied. */
    public String installedOn(Instant when) {
        return when == null ? "" : LocalTimes.minutes(when, zone);
    }

    public ObservableList<MigrationRow> rows() { return rows; }

    /** What the last validate found wrong, or what the last repair did. */
    public ObservableList<String> problems() { return problems; }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ScreenState state() { return state; }

    public Confirmations confirmations() { return confirmations; }

    public Command reload() { return reload; }

    public Command validate() { return validate; }

    public Command migrate() { return migrate; }

    public Command repair() { return repair; }
}
