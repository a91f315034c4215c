package dev.tower.provider;

import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The verification queue: a tab per status with its count, filters, a keyset-paged list, the
 * selected provider (moved with the keyboard), and bulk verify of the checked providers.
 */
public final class VerificationQueueViewModel {
    public static final int PAGE_SIZE = 50;

    private final ProviderService service;
    private final ScreenState state;
    private final KeysetList<QueueFilter, QueueKey, QueueRow> list;
    private final ObjectProperty<ProviderStatus> tab = new SimpleObjectProperty<>(this, "tab", ProviderStatus.PENDING);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty providerType = new SimpleStringProperty(this, "providerType", "");
    private final StringProperty serviceArea = new SimpleStringProperty(this, "serviceArea", "");
    private final ObjectProperty<Integer> expiringWithinDays = new SimpleObjectProperty<>(this, "expiringWithinDays");
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableSet<UUID> checked = FXCollections.observableSet();
    private final Map<ProviderStatus, ReadOnlyStringWrapper> tabLabels = new EnumMap<>(ProviderStatus.class);
    private final Command bulkVerify;

    public VerificationQueueViewModel(ProviderService service, TaskExecutor executor, boolean mayVerify) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.list = new KeysetList<>(state, "providers", PAGE_SIZE, QueueFilter.PENDING,
                (filter, after, limit) -> service.queue(filter, after, limit), QueueRow::key);
        for (ProviderStatus s : ProviderStatus.values()) {
            tabLabels.put(s, new ReadOnlyStringWrapper(this, "tab" + s, s.label()));
        }
        bulkVerify = Command.of(state.gate(), "Verify checked", new SimpleBooleanProperty(mayVerify),
                Bindings.isNotEmpty(checked), state.busyProperty(), this::verifyChecked);
        tab.addListener((obs, old, now) -> applyFilters());
    }

    /** Counts per tab, then the first page (the view calls this each time the screen is shown). */
    public void load() {
        reloadCounts();
        applyFilters();
    }

    /** The tab counts again, without touching the list or the selection. */
    public void reloadCounts() {
        state.run("counts", "Counting providers…", service::counts, this::showCounts);
    }

    /** Each decision taken on the page changes what the tabs count: recount after every one. */
    public void recountAfterDecisionsOn(ProviderPageViewModel page) {
        page.decisionsTakenProperty().addListener((obs, old, now) -> reloadCounts());
    }

    /** Starts over with the current tab and filters. */
    public void applyFilters() {
        checked.clear();
        selected.set(null);
        list.setFilter(new QueueFilter(tab.get(), providerType.get(), serviceArea.get(), expiringWithinDays.get(), search.get()));
        list.reload();
    }

    /**
     * The queue as a link asks for it (an analytics funnel stage): the tab of {@code status}, only providers
     * serving {@code serviceArea} (null: any), every other filter cleared.
     */
    public void showOnly(ProviderStatus status, String serviceArea) {
        search.set("");
        providerType.set("");
        expiringWithinDays.set(null);
        this.serviceArea.set(serviceArea == null ? "" : serviceArea);
        if (tab.get() == status) {
            applyFilters();
        } else {
            tab.set(status); // its listener applies the filters
        }
    }

    /**
     * The queue a link names: {@code status} (a stored certification status) and optionally {@code area}
     * (a service area's name). A status the queue does not know leaves the queue as it is.
     */
    public void showLink(Map<String, String> link) {
        ProviderStatus status;
        try {
            status = ProviderStatus.ofStored(link.getOrDefault("status", ProviderStatus.PENDING.stored()));
        } catch (IllegalArgumentException unknown) {
            return;
        }
        showOnly(status, link.get("area"));
    }

    public void loadMore() { list.loadMore(); }

    public void selectNext() { move(1); }

    public void selectPrevious() { move(-1); }

    private void move(int step) {
        List<QueueRow> rows = list.rows();
        if (rows.isEmpty()) {
            return;
        }
        int at = rows.indexOf(selected.get());
        int next = at < 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, at + step));
        if (next == rows.size() - 1 && step > 0 && list.hasMore()) {
            list.loadMore();
        }
        selected.set(rows.get(next));
    }

    public void toggleChecked(QueueRow row) {
        if (!checked.remove(row.id())) {
            checked.add(row.id());
        }
    }

    private void verifyChecked() {
        List<UUID> ids = List.copyOf(checked);
        state.run("Verifying " + ids.size() + " providers…", () -> service.bulkVerify(ids), count -> {
            load();
            state.notice(count == 1 ? "Verified 1 provider." : "Verified " + count + " providers.");
        });
    }

    private void showCounts(List<StatusCount> counts) {
        for (StatusCount c : counts) {
            ProviderStatus s = "reverification".equals(c.status()) ? ProviderStatus.NEEDS_REVERIFICATION
                    : ProviderStatus.ofStored(c.status());
            tabLabels.get(s).set(s.label() + " (" + (c.estimated() ? "about " : "") + c.providers() + ")");
        }
    }

    public ScreenState state() { return state; }

    public KeysetList<QueueFilter, QueueKey, QueueRow> list() { return list; }

    public ObjectProperty<ProviderStatus> tabProperty() { return tab; }

    public StringProperty searchProperty() { return search; }

    public StringProperty providerTypeProperty() { return providerType; }

    public StringProperty serviceAreaProperty() { return serviceArea; }

    public ObjectProperty<Integer> expiringWithinDaysProperty() { return expiringWithinDays; }

    public ObjectProperty<QueueRow> selectedProperty() { return selected; }

    public ObservableSet<UUID> checked() { return checked; }

    public ReadOnlyStringProperty tabLabel(ProviderStatus status) { return tabLabels.get(status).getReadOnlyProperty(); }

    public Command bulkVerify() { return bulkVerify; }
}
