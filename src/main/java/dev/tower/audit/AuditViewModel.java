package dev.tower.audit;

import dev.tower.error.ErrorText;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.ui.BackgroundTask;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.TaskExecutor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Audit log screen: filters, the newest entries first in keyset pages ("Load more" continues
 * below the last one shown), the field-by-field change of the selected entry, and the chain check.
 * Dates are the user's calendar days in their own time zone.
 */
public final class AuditViewModel {
    public static final int PAGE_SIZE = 50;
    /** The action filter's "any action" choice. */
    public static final String ANY_ACTION = "";

    private final AuditService service;
    private final TaskExecutor executor;
    private final boolean mayVerifyChain;
    private final ZoneId zone;
    private final int pageSize;

    private final StringProperty actor = new SimpleStringProperty(this, "actor", "");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action", ANY_ACTION);
    private final StringProperty table = new SimpleStringProperty(this, "table", "");
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<String> actionChoices = FXCollections.observableArrayList(ANY_ACTION);

    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<FieldChange> changes = FXCollections.observableArrayList();
    private final SimpleBooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private AuditFilter shownFilter = AuditFilter.ANY;
    private Long nextBeforeSeq;

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty detailBusy = new SimpleBooleanProperty(this, "detailBusy");
    private final BooleanProperty chainBusy = new SimpleBooleanProperty(this, "chainBusy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper chainResult = new ReadOnlyStringWrapper(this, "chainResult", "");
    private final ReadOnlyObjectWrapper<Boolean> chainIntact = new ReadOnlyObjectWrapper<>(this, "chainIntact");

    private final BooleanBinding canSearch;
    private final BooleanBinding canLoadMore;
    private final BooleanBinding canCheckChain;

    /** @param mayVerifyChain whether the session holds VERIFY_AUDIT_CHAIN (the service checks again) */
    public AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain) {
        this(service, executor, mayVerifyChain, ZoneId.systemDefault());
    }

    public AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone) {
        this(service, executor, mayVerifyChain, zone, PAGE_SIZE);
    }

    /** @param pageSize entries per page; tests use small pages to reach the end quickly */
    AuditViewModel(AuditService service, TaskExecutor executor, boolean mayVerifyChain, ZoneId zone, int pageSize) {
        this.pageSize = pageSize;
        this.service = Objects.requireNonNull(service);
        this.executor = Objects.requireNonNull(executor);
        this.mayVerifyChain = mayVerifyChain;
        this.zone = Objects.requireNonNull(zone);
        canSearch = busy.not();
        canLoadMore = hasMore.and(busy.not());
        canCheckChain = chainBusy.not().and(new SimpleBooleanProperty(mayVerifyChain));
        selected.addListener((obs, old, now) -> loadChanges(now));
    }

    /** Fills the action choices and shows the newest entries for the current filters. */
    public void load() {
        executor.execute(BackgroundTask.of("Load audit action names", busy, service::actionNames)
                .onSuccess(names -> {
                    String chosen = action.get();
                    actionChoices.setAll(ANY_ACTION);
                    actionChoices.addAll(names);
                    action.set(names.contains(chosen) ? chosen : ANY_ACTION);
                })
                .onFailure(this::failed));
        search();
    }

    /** Applies the filters: the first page of matching entries, newest first. */
    public void search() {
        AuditFilter filter;
        try {
            filter = filter();
        } catch (TowerException e) {
            failed(e);
            return;
        }
        error.set(null);
        busyMessage.set("Reading the audit log\u2026");
        executor.execute(BackgroundTask.of("Read audit log", busy, () -> service.page(filter, null, pageSize))
                .onSuccess(page -> {
                    shownFilter = filter;
                    selected.set(null);
                    entries.setAll(page.entries());
                    pageLoaded(page);
                })
                .onFailure(this::failed));
    }

    /** The next page of the same search, appended below. */
    public void loadMore() {
        if (!canLoadMore.get()) {
            return;
        }
        AuditFilter filter = shownFilter;
        Long before = nextBeforeSeq;
        error.set(null);
        busyMessage.set("Reading older entries\u2026");
        executor.execute(BackgroundTask.of("Read audit log before #" + before, busy, () -> service.page(filter, before, pageSize))
                .onSuccess(page -> {
                    entries.addAll(page.entries());
                    pageLoaded(page);
                })
                .onFailure(this::failed));
    }

    /** The screen was left: its error does not greet the next visit. */
    public void left() {
        error.set(null);
    }

    /** Input the view could not read (a date typed as 32/13/2026): said in the banner. */
    public void refuseInput(TowerException refused) {
        failed(refused);
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
        if (!canCheckChain.get()) {
            return;
        }
        chainResult.set("");
        chainIntact.set(null);
        executor.execute(BackgroundTask.of("Verify audit chain", chainBusy, service::verifyChain)
                .onSuccess(check -> {
                    chainIntact.set(check.intact());
                    chainResult.set(chainText(check));
                })
                .onFailure(this::failed));
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

    private void pageLoaded(AuditService.Page page) {
        nextBeforeSeq = page.nextBeforeSeq();
        hasMore.set(nextBeforeSeq != null);
        summary.set(entries.isEmpty() ? "No entries match these filters."
                : String.format(Locale.ROOT, "%,d %s shown%s", entries.size(), entries.size() == 1 ? "entry" : "entries",
                        hasMore.get() ? "; older ones follow" : ", the oldest included"));
    }

    private void loadChanges(AuditEntry entry) {
        changes.clear();
        if (entry == null) {
            return;
        }
        executor.execute(BackgroundTask.of("Read changes of audit entry #" + entry.seq(), detailBusy, () -> service.changes(entry.seq()))
                .onSuccess(list -> showChanges(entry, list))
                .onFailure(this::failed));
    }

    private void showChanges(AuditEntry entry, List<FieldChange> list) {
        if (entry.equals(selected.get())) { // another entry may have been selected meanwhile
            changes.setAll(list);
        }
    }

    private void failed(TowerException failure) {
        error.set(ErrorText.describe(failure));
    }

    public StringProperty actorProperty() { return actor; }

    public ObjectProperty<String> actionProperty() { return action; }

    public StringProperty tableProperty() { return table; }

    public StringProperty recordIdProperty() { return recordId; }

    public ObjectProperty<LocalDate> fromProperty() { return from; }

    public ObjectProperty<LocalDate> toProperty() { return to; }

    public ObservableList<String> actionChoices() { return actionChoices; }

    public ObservableList<AuditEntry> entries() { return entries; }

    public ObjectProperty<AuditEntry> selectedProperty() { return selected; }

    public ObservableList<FieldChange> changes() { return changes; }

    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore; }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public boolean mayVerifyChain() { return mayVerifyChain; }

    public BooleanBinding canSearchProperty() { return canSearch; }

    public BooleanBinding canLoadMoreProperty() { return canLoadMore; }

    public BooleanBinding canCheckChainProperty() { return canCheckChain; }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyBooleanProperty detailBusyProperty() { return detailBusy; }

    public ReadOnlyBooleanProperty chainBusyProperty() { return chainBusy; }

    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return error.getReadOnlyProperty(); }

    public String errorText() {
        return error.get() == null ? "" : error.get().text();
    }

    /** Empty until checked. */
    public ReadOnlyStringProperty chainResultProperty() { return chainResult.getReadOnlyProperty(); }

    /** Null until checked, then whether the chain was intact. */
    public ReadOnlyObjectProperty<Boolean> chainIntactProperty() { return chainIntact.getReadOnlyProperty(); }
}
