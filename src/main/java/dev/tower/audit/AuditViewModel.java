package dev.tower.audit;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.Place;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Audit log screen: filters, the newest entries first in keyset pages ("Load more" continues
 * below the last one shown), the field-by-field change of the selected entry, the chain check and its
 * checkpoints (admin), and opening the record an entry is about (a booking) elsewhere in the console.
 * Dates are the user's calendar days in their own time zone. Its busy state, error and notice are a
 * kit {@link ScreenState}; the entries a kit {@link KeysetList} (cursor: the entry's sequence number).
 */
public final class AuditViewModel {
    public static final int PAGE_SIZE = 50;
    /** The action filter's "any action" choice. */
    public static final String ANY_ACTION = "";
    /** Audit tables whose records a section of the console can open, by the section's key. */
    private static final Map<String, String> SECTION_OF_TABLE = Map.of("bookings", "bookings");

    private final AuditService service;
    private final boolean mayVerifyChain;
    private final ZoneId zone;
    private final Consumer<Place> openPlace;
    private final ScreenState state;
    /** The selected entry's changes load beside the list, with their own spinner and latest-wins. */
    private final ScreenState detailState;
    private final KeysetList<AuditFilter, Long, AuditEntry> list;

    private final StringProperty actor = new SimpleStringProperty(this, "actor", "");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action", ANY_ACTION);
    private final StringProperty table = new SimpleStringProperty(this, "table", "");
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<String> actionChoices = FXCollections.observableArrayList(ANY_ACTION);

    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FieldChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper chainResult = new ReadOnlyStringWrapper(this, "chainResult", "");
    private final ReadOnlyObjectWrapper<Boolean> chainIntact = new ReadOnlyObjectWrapper<>(this, "chainIntact");

    private final BooleanBinding canSearch;
    private final BooleanBinding canLoadMore;
    private final BooleanBinding canCheckChain;
    private final BooleanBinding canOpenRecord;
    private final Command searchCommand;
    private final Command clearCommand;
    private final Command checkChainCommand;
    private final Command openRecordCommand;

    /** @param mayVerifyChain whether the session holds VERIFY_AUDIT_CHAIN (the service checks again) */
    public AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain) {
        this(service, executor, mayVerifyChain, ZoneId.systemDefault());
    }

    public AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone) {
        this(service, executor, mayVerifyChain, zone, place -> { }, PAGE_SIZE);
    }

    /** @param openPlace opens a record elsewhere in the console (the shell's navigator) */
    public AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone,
                          Consumer<Place> openPlace) {
        this(service, executor, mayVerifyChain, zone, openPlace, PAGE_SIZE);
    }

    /** @param pageSize entries per page; tests use small pages to reach the end quickly */
    AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone, int pageSize) {
        this(service, executor, mayVerifyChain, zone, place -> { }, pageSize);
    }

    private AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone,
                           Consumer<Place> openPlace, int pageSize) {
        this.service = Objects.requireNonNull(service);
        this.mayVerifyChain = mayVerifyChain;
        this.zone = Objects.requireNonNull(zone);
        this.openPlace = Objects.requireNonNull(openPlace);
        this.state = new ScreenState(executor);
        this.detailState = new ScreenState(executor);
        this.list = new KeysetList<>(state, "audit entries", pageSize, AuditFilter.ANY,
                // the service reads one row more than asked itself; the list asks for one more than a page
                (filter, beforeSeq, limit) -> service.page(filter, beforeSeq, limit).entries(), AuditEntry::seq);
        canSearch = state.busyProperty().not();
        canLoadMore = list.hasMoreProperty().and(state.busyProperty().not());
        canCheckChain = state.busyProperty().not().and(new SimpleBooleanProperty(mayVerifyChain));
        canOpenRecord = Bindings.createBooleanBinding(() -> recordPlace(selected.get()).isPresent(), selected);
        // all of them only read: they need the database online, not a writable schema
        SimpleBooleanProperty always = new SimpleBooleanProperty(true);
        SimpleBooleanProperty mayVerify = new SimpleBooleanProperty(mayVerifyChain);
        searchCommand = Command.reading(state.gate(), "Search", always, always, state.busyProperty(), this::search);
        clearCommand = Command.reading(state.gate(), "Clear", always, always, state.busyProperty(), this::clearFilters);
        checkChainCommand = Command.reading(state.gate(), "Check chain integrity", mayVerify, always, state.busyProperty(), this::checkChain);
        // opening a record goes to another screen, which has its own busy state: this list's work does not hold it
        openRecordCommand = Command.reading(state.gate(), "Open record", always, canOpenRecord, new SimpleBooleanProperty(false),
                this::openRecord);
        selected.addListener((obs, old, now) -> loadChanges(now));
        list.rows().addListener((javafx.collections.ListChangeListener<AuditEntry>) c -> updateSummary());
        list.hasMoreProperty().addListener((obs, old, now) -> updateSummary());
        list.summaryProperty().addListener((obs, old, now) -> updateSummary());
    }

    /** Fills the action choices and shows the newest entries for the current filters. */
    public void load() {
        state.run("actions", "Reading the audit action names\u2026", service::actionNames, names -> {
            String chosen = action.get();
            actionChoices.setAll(ANY_ACTION);
            actionChoices.addAll(names);
            action.set(names.contains(chosen) ? chosen : ANY_ACTION);
        });
        search();
    }

    /** Applies the filters: the first page of matching entries, newest first. */
    public void search() {
        AuditFilter filter;
        try {
            filter = filter();
        } catch (TowerException e) {
            state.fail(e);
            return;
        }
        selected.set(null);
        list.setFilter(filter);
        list.reload();
    }

    /** The next page of the same search, appended below. */
    public void loadMore() {
        if (canLoadMore.get()) {
            list.loadMore();
        }
    }

    /** The screen was left: its error does not greet the next visit. */
    public void left() {
        state.left();
    }

    /** Input the view could not read (a date typed as 32/13/2026): said in the banner. */
    public void refuseInput(TowerException refused) {
        state.fail(refused);
    }

    public void clearFilters() {
        actor.set("");
        action.set(ANY_ACTION);
        table.set("");
        recordId.set("");
        from.set(null);
        to.set(null);
        search();
    }

    public void checkChain() {
        if (canCheckChain.get()) {
            verify("Checking every entry of the audit chain\u2026", service::verifyChain, "");
        }
    }

    /** Saves where the chain ends now to {@code file} (kept outside the database, readable by the user alone). */
    public void exportCheckpoint(Path file) {
        if (!canCheckChain.get()) {
            return;
        }
        state.run("chain", "Saving an audit checkpoint\u2026", () -> service.exportCheckpoint(file),
                checkpoint -> state.notice("Saved a checkpoint at entry #" + checkpoint.seq() + " to " + file
                        + ". Keep it away from this database; verify against it later."));
    }

    /** Walks the whole chain and checks that nothing up to the checkpoint in {@code file} was rewritten. */
    public void verifyAgainst(Path file) {
        if (canCheckChain.get()) {
            verify("Checking the audit chain against the checkpoint\u2026",
                    () -> service.verifyAgainst(readCheckpoint(file)), " against the checkpoint");
        }
    }

    /** Checks only what was appended after the (already verified) checkpoint in {@code file}: quick. */
    public void verifyFrom(Path file) {
        if (canCheckChain.get()) {
            verify("Checking the entries added since the checkpoint\u2026",
                    () -> service.verifyFrom(readCheckpoint(file)), " since the checkpoint");
        }
    }

    private void verify(String description, java.util.concurrent.Callable<ChainCheck> check, String scope) {
        chainResult.set("");
        chainIntact.set(null);
        state.run("chain", description, check, result -> {
            chainIntact.set(result.intact());
            chainResult.set(chainText(result) + (result.intact() ? scope : ""));
        });
    }

    private static AuditCheckpoint readCheckpoint(Path file) {
        try {
            return AuditCheckpoint.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ValidationException("audit.unreadable_checkpoint", "Could not read the checkpoint file " + file + ".");
        }
    }

    /** Opens the record the selected entry is about (a booking) in its own section; Back returns here. */
    public void openRecord() {
        recordPlace(selected.get()).ifPresent(place -> {
            try {
                openPlace.accept(place);
            } catch (AccessDeniedException e) {
                state.fail(e);
            }
        });
    }

    /** Where the entry's record lives in the console, if a section shows records of its table. */
    static Optional<Place> recordPlace(AuditEntry entry) {
        if (entry == null || entry.recordId() == null || !SECTION_OF_TABLE.containsKey(entry.tableName())) {
            return Optional.empty();
        }
        try {
            UUID.fromString(entry.recordId());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(Place.of(SECTION_OF_TABLE.get(entry.tableName()), entry.recordId()));
    }

    /** "Intact: 1,204 entries checked", or where the chain first breaks and how. */
    static String chainText(ChainCheck check) {
        if (check.intact()) {
            return String.format(Locale.ROOT, "Intact: %,d %s checked", check.rowsChecked(),
                    check.rowsChecked() == 1 ? "entry" : "entries");
        }
        return "Broken at entry #" + check.firstBrokenSeq() + ": " + check.problem();
    }

    public String timeText(AuditEntry entry) {
        return LocalTimes.seconds(entry.createdAt(), zone);
    }

    /** Column header for the time: says which zone the times are in. */
    public String timeHeader() {
        return "Time (" + LocalTimes.zoneName(zone) + ")";
    }

    private AuditFilter filter() {
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        // "to" is a whole day: everything before the start of the next one
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        String chosenAction = ANY_ACTION.equals(action.get()) ? null : action.get();
        return new AuditFilter(actor.get(), chosenAction, table.get(), recordId.get(), start, end);
    }

    private void updateSummary() {
        int shown = list.rows().size();
        summary.set(shown == 0 ? "No entries match these filters."
                : String.format(Locale.ROOT, "%,d %s shown%s", shown, shown == 1 ? "entry" : "entries",
                        list.hasMore() ? "; older ones follow" : ", the oldest included"));
    }

    private void loadChanges(AuditEntry entry) {
        changes.clear();
        if (entry == null) {
            detailState.run("changes", "", () -> java.util.List.<FieldChange>of(), none -> { }); // drops a pending read
            return;
        }
        // latest-wins in its lane: a slow read for an entry selected earlier never replaces this one's
        detailState.run("changes", "Reading the change of entry #" + entry.seq() + "\u2026",
                progress -> service.changes(entry.seq()), changes::setAll, state::fail);
    }

    public ScreenState state() { return state; }

    public KeysetList<AuditFilter, Long, AuditEntry> list() { return list; }

    public StringProperty actorProperty() { return actor; }

    public ObjectProperty<String> actionProperty() { return action; }

    public StringProperty tableProperty() { return table; }

    public StringProperty recordIdProperty() { return recordId; }

    public ObjectProperty<LocalDate> fromProperty() { return from; }

    public ObjectProperty<LocalDate> toProperty() { return to; }

    public ObservableList<String> actionChoices() { return actionChoices; }

    public ObservableList<AuditEntry> entries() { return list.rows(); }

    public ObjectProperty<AuditEntry> selectedProperty() { return selected; }

    public ObservableList<FieldChange> changes() { return changes; }

    public ReadOnlyBooleanProperty hasMoreProperty() { return list.hasMoreProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public boolean mayVerifyChain() { return mayVerifyChain; }

    public BooleanBinding canSearchProperty() { return canSearch; }

    public BooleanBinding canLoadMoreProperty() { return canLoadMore; }

    public BooleanBinding canCheckChainProperty() { return canCheckChain; }

    /** Whether the selected entry's record can be opened in its own section (a booking). */
    public BooleanBinding canOpenRecordProperty() { return canOpenRecord; }

    public Command searchCommand() { return searchCommand; }

    public Command clearCommand() { return clearCommand; }

    /** Also gates the checkpoint menu: the same permission and the same work. */
    public Command checkChainCommand() { return checkChainCommand; }

    public Command openRecordCommand() { return openRecordCommand; }

    public ReadOnlyBooleanProperty busyProperty() { return state.busyProperty(); }

    public ReadOnlyBooleanProperty detailBusyProperty() { return detailState.busyProperty(); }

    public ReadOnlyObjectProperty<dev.tower.error.UserMessage> errorProperty() { return state.errorProperty(); }

    public String errorText() {
        return state.error() == null ? "" : state.error().text();
    }

    /** Empty until checked. */
    public ReadOnlyStringProperty chainResultProperty() { return chainResult.getReadOnlyProperty(); }

    /** Null until checked, then whether the chain was intact. */
    public ReadOnlyObjectProperty<Boolean> chainIntactProperty() { return chainIntact.getReadOnlyProperty(); }
}
