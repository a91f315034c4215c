package dev.tower.schema;

import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The database health screen: one snapshot at a time (Reload reads a new one), and two actions on the
 * selected rows, each after a question: ANALYZE the selected table, cancel the selected session's statement.
 * Neither changes business data, but both are audited and need the database online.
 */
public final class HealthViewModel {
    private final HealthService service;
    private final ZoneId zone;
    private final ScreenState state;
    private final Confirmations confirmations = new Confirmations();
    private final ObservableList<HealthDao.SlowStatement> statements = FXCollections.observableArrayList();
    private final ObservableList<HealthDao.TableHealth> tables = FXCollections.observableArrayList();
    private final ObservableList<HealthDao.UnusedIndex> unusedIndexes = FXCollections.observableArrayList();
    private final ObservableList<HealthDao.SessionRow> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper statementsProblem = new ReadOnlyStringWrapper(this, "statementsProblem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<HealthDao.TableHealth> selectedTable = new SimpleObjectProperty<>(this, "selectedTable");
    private final ObjectProperty<HealthDao.SessionRow> selectedSession = new SimpleObjectProperty<>(this, "selectedSession");
    private final Command reload;
    private final Command analyze;
    private final Command cancel;

    public HealthViewModel(HealthService service, TaskExecutor executor, ZoneId zone) {
        this.service = Objects.requireNonNull(service);
        this.zone = Objects.requireNonNull(zone);
        this.state = new ScreenState(executor);
        SimpleBooleanProperty always = new SimpleBooleanProperty(true);
        reload = Command.reading(state.gate(), "Reload", always, always, state.busyProperty(), this::load);
        analyze = Command.reading(state.gate(), "Analyze table", always, selectedTable.isNotNull(), state.busyProperty(), this::askAnalyze);
        cancel = Command.reading(state.gate(), "Cancel statement", always, Bindings.createBooleanBinding(
                () -> selectedSession.get() != null && "active".equals(selectedSession.get().state()), selectedSession),
                state.busyProperty(), this::askCancel);
    }

    public void load() {
        state.run("Reading the database's statistics\u2026", service::snapshot, snap -> {
            statements.setAll(snap.statements());
            statementsProblem.set(snap.statementsProblem());
            tables.setAll(snap.tables());
            unusedIndexes.setAll(snap.unusedIndexes());
            sessions.setAll(snap.sessions());
            long blocked = snap.sessions().stream().filter(s -> s.blockedBy() != null && s.blockedBy().length > 0).count();
            summary.set(snap.sessions().size() + " session(s), " + blocked + " blocked \u00b7 " + snap.unusedIndexes().size()
                    + " unused index(es) \u00b7 statistics since " + (snap.statsReset() == null ? "the server started"
                    : LocalTimes.minutes(snap.statsReset(), zone)));
        });
    }

    private void askAnalyze() {
        HealthDao.TableHealth table = selectedTable.get();
        confirmations.ask(Confirmation.ask("Analyze " + table.tableName() + "?", "ANALYZE reads a sample of "
                + table.tableName() + " and refreshes the planner's statistics for it. It does not block readers or"
                + " writers and is written to the audit log.", "Analyze", () -> state.run("analyze",
                "Analyzing " + table.tableName() + "\u2026", () -> { service.analyze(table.tableName()); return table; },
                done -> { state.notice("Analyzed " + done.tableName() + "."); load(); })));
    }

    private void askCancel() {
        HealthDao.SessionRow s = selectedSession.get();
        confirmations.ask(Confirmation.ask("Cancel the statement of " + s.login() + "?", "Session " + s.pid() + " ("
                + s.login() + ") is running:\n\n" + abbreviate(s.query()) + "\n\nCancelling stops this statement and rolls"
                + " back its transaction; the session stays signed in. This is written to the audit log.",
                "Cancel statement", () -> state.run("cancel", "Cancelling\u2026", () -> { service.cancel(s.pid()); return s; },
                done -> { state.notice("Cancelled the statement of session " + done.pid() + " (" + done.login() + ")."); load(); })));
    }

    static String abbreviate(String query) {
        String one = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "\u2026" : one;
    }

    /** "1.2 MB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }

    public String time(Instant when) {
        return when == null ? "never" : LocalTimes.minutes(when, zone);
    }

    public static String blockers(HealthDao.SessionRow s) {
        return s.blockedBy() == null || s.blockedBy().length == 0 ? ""
                : Arrays.stream(s.blockedBy()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    public ObservableList<HealthDao.SlowStatement> statements() { return statements; }

    public ObservableList<HealthDao.TableHealth> tables() { return tables; }

    public ObservableList<HealthDao.UnusedIndex> unusedIndexes() { return unusedIndexes; }

    public ObservableList<HealthDao.SessionRow> sessions() { return sessions; }

    public ReadOnlyStringProperty statementsProblemProperty() { return statementsProblem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ObjectProperty<HealthDao.TableHealth> selectedTableProperty() { return selectedTable; }

    public ObjectProperty<HealthDao.SessionRow> selectedSessionProperty() { return selectedSession; }

    public ScreenState state() { return state; }

    public Confirmations confirmations() { return confirmations; }

    public Command reload() { return reload; }

    public Command analyze() { return analyze; }

    public Command cancel() { return cancel; }
}
