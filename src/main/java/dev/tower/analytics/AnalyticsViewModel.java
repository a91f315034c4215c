package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.analytics.AnalyticsRows.Freshness;
import dev.tower.analytics.AnalyticsRows.ReadStatus;
import dev.tower.analytics.AnalyticsRows.RefreshOutcome;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.CsvExport;
import dev.tower.ui.kit.ExportTable;
import dev.tower.ui.kit.Place;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The analytics screen: filters (period, area, category), the dashboards read for them, how old each
 * dashboard's data is, refreshing (one view or all, by hand or on an in-app schedule), CSV and PNG
 * exports (each recorded through the audit path) and the click-through to the filtered bookings browser.
 */
public final class AnalyticsViewModel {
    public static final List<String> CATEGORIES = List.of("", "food_delivery", "courier", "aerial_imaging", "site_mapping");
    /** Minutes between scheduled refreshes; 0 is off. */
    public static final List<Integer> SCHEDULES = List.of(0, 5, 15, 30, 60);
    public static final AreaChoice ANY_AREA = new AreaChoice(null, "Any area");

    private final AnalyticsService service;
    private final ScreenState state;
    private final Clock clock;
    private final boolean mayRefresh;
    private final boolean mayExport;
    private final boolean mayOpenBookings;
    private final boolean mayOpenProviders;
    private final Consumer<Place> navigate;

    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>(this, "fromDay");
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>(this, "toDay");
    private final ObjectProperty<AreaChoice> area = new SimpleObjectProperty<>(this, "area", ANY_AREA);
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(this, "category", "");
    private final ObjectProperty<Integer> scheduleMinutes = new SimpleObjectProperty<>(this, "scheduleMinutes", 0);
    private final ObservableList<AreaChoice> areas = FXCollections.observableArrayList(ANY_AREA);
    private final ReadOnlyObjectWrapper<Dashboards> dashboards = new ReadOnlyObjectWrapper<>(this, "dashboards");
    private final ReadOnlyStringWrapper readsFrom = new ReadOnlyStringWrapper(this, "readsFrom", "");
    private final Map<DashboardKind, ReadOnlyStringWrapper> ages = new EnumMap<>(DashboardKind.class);
    private final ObservableList<Freshness> freshness = FXCollections.observableArrayList();
    private final Command apply;
    private final Command refreshAll;
    private Instant lastScheduledRun;

    /**
     * @param mayOpenBookings  the role may see bookings: bars and points open the bookings browser
     * @param mayOpenProviders the role may see the providers' verification queue: funnel stages open it
     */
    public AnalyticsViewModel(AnalyticsService service, TaskExecutor executor, Clock clock, boolean mayRefresh,
                              boolean mayExport, boolean mayOpenBookings, boolean mayOpenProviders,
                              Consumer<Place> navigate) {
        this.service = service;
        this.state = new ScreenState(executor);
        this.clock = clock;
        this.mayRefresh = mayRefresh;
        this.mayExport = mayExport;
        this.mayOpenBookings = mayOpenBookings;
        this.mayOpenProviders = mayOpenProviders;
        this.navigate = navigate;
        AnalyticsFilter start = AnalyticsFilter.lastYear(LocalDate.now(clock.withZone(AnalyticsFilter.MARKET_ZONE)));
        fromDay.set(start.from());
        toDay.set(start.to());
        for (DashboardKind kind : DashboardKind.values()) {
            ages.put(kind, new ReadOnlyStringWrapper(this, "age-" + kind.key(), ""));
        }
        var periodSet = Bindings.createBooleanBinding(() -> fromDay.get() != null && toDay.get() != null, fromDay, toDay);
        apply = Command.of(state.gate(), "Show", new SimpleBooleanProperty(true), periodSet, state.busyFlag(), this::load);
        refreshAll = Command.of(state.gate(), "Refresh all", new SimpleBooleanProperty(mayRefresh), new SimpleBooleanProperty(true),
                state.busyFlag(), () -> refresh(null));
        scheduleMinutes.addListener((obs, old, now) -> lastScheduledRun = clock.instant());
    }

    /** The screen was shown: read the areas once, then the dashboards. */
    public void open() {
        if (areas.size() == 1) {
            state.run("areas", "Reading service areas…", () -> service.areas(), list -> {
                AreaChoice chosen = area.get();
                areas.setAll(ANY_AREA);
                areas.addAll(list);
                area.set(areas.contains(chosen) ? chosen : ANY_AREA);
            });
        }
        load();
    }

    /** Reads every dashboard for the filters as they are (from the materialized views). */
    public void load() {
        AnalyticsFilter filter;
        try {
            filter = filter();
        } catch (TowerException e) {
            state.fail(e);
            return;
        }
        state.run("dashboards", "Reading the dashboards…", () -> service.dashboards(filter), this::show);
    }

    /** The filter the controls describe; throws a validation error for an impossible one. */
    public AnalyticsFilter filter() {
        AreaChoice a = area.get();
        return new AnalyticsFilter(fromDay.get(), toDay.get(), a == null ? null : a.id(), category.get());
    }

    /**
     * Refreshes the view behind {@code kind} (null: every view, one after another) on the primary, off the
     * UI thread with progress, then reads the dashboards again. A refusal (someone else is refreshing) or a
     * failure (the view keeps its old rows) is said in plain words.
     */
    public void refresh(DashboardKind kind) {
        if (!mayRefresh) {
            return;
        }
        String what = kind == null ? "every analytics view" : "\"" + kind.title() + "\"";
        state.run("refresh", "Refreshing " + what + "…", progress -> {
            List<String> views = kind == null ? service.viewNames() : kind.viewNames();
            List<RefreshOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < views.size() && !progress.cancelled(); i++) {
                progress.report((double) i / views.size());
                outcomes.add(service.refresh(views.get(i)));
            }
            progress.report(1);
            return outcomes;
        }, this::refreshed, state::fail);
    }

    private void refreshed(List<RefreshOutcome> outcomes) {
        List<RefreshOutcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        load();
        if (!failed.isEmpty()) {
            RefreshOutcome f = failed.getFirst();
            state.fail(new UserMessage("Refresh failed",
                    "Refreshing " + f.viewName() + " failed, so it keeps the data of its last good refresh. "
                            + "The database said: " + f.error(), f.error()));
        } else {
            long ms = outcomes.stream().mapToLong(RefreshOutcome::durationMs).sum();
            state.notice("Refreshed " + (outcomes.size() == 1 ? outcomes.getFirst().viewName() : outcomes.size() + " views")
                    + " in " + ms + " ms.");
        }
    }

    /** Called every few seconds by the view: updates the ages and runs the scheduled refresh when due. */
    public void tick() {
        updateAges();
        int minutes = scheduleMinutes.get() == null ? 0 : scheduleMinutes.get();
        if (minutes > 0 && mayRefresh && !state.isBusy()) {
            Instant now = clock.instant();
            if (lastScheduledRun == null || !now.isBefore(lastScheduledRun.plus(Duration.ofMinutes(minutes)))) {
                lastScheduledRun = now;
                refresh(null);
            }
        }
    }

    /** Exports one dashboard's table as CSV to {@code file}, recording the export first (who, what, rows). */
    public void exportCsv(DashboardKind kind, Path file) {
        Dashboards shown = dashboards.get();
        if (!mayExport || shown == null) {
            return;
        }
        ExportTable table = DashboardTables.of(kind, shown);
        state.run("export", "Exporting " + kind.title() + "…", progress -> {
            writeAudited(file, out -> CsvExport.write(table, out),
                    () -> service.recordExport(table.name(), "csv", table.rows().size(), table.columns()));
            return file;
        }, saved -> state.notice("Saved " + table.rows().size() + " rows to " + saved.getFileName() + "."), state::fail);
    }

    /** Saves a chart's PNG (encoded by the view) to {@code file}, recording the export first. */
    public void exportPng(DashboardKind kind, byte[] png, Path file) {
        Dashboards shown = dashboards.get();
        if (!mayExport || shown == null) {
            return;
        }
        ExportTable table = DashboardTables.of(kind, shown);
        state.run("export", "Saving the chart…", progress -> {
            writeAudited(file, out -> out.write(png),
                    () -> service.recordExport(table.name() + " (chart)", "png", table.rows().size(), table.columns()));
            return file;
        }, saved -> state.notice("Saved the chart to " + saved.getFileName() + "."), state::fail);
    }

    private interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Written beside the target, audited, then moved in place: no file without its audit row. */
    private static void writeAudited(Path file, Content content, Runnable audit) throws Exception {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".tower-export-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            audit.run();
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Opens the bookings browser filtered to what was clicked: a day, a week, a category, an area or a
     * provider, within the dashboard's filters. Does nothing for a role that may not see bookings.
     */
    public void openBookings(DashboardKind kind, Object item) {
        Dashboards shown = dashboards.get();
        if (!mayOpenBookings || shown == null) {
            return;
        }
        DashboardLinks.bookingsFor(kind, item, shown.filter()).ifPresent(navigate);
    }

    /**
     * Opens what a click on {@code item} of dashboard {@code kind} leads to: the provider queue for a funnel
     * stage, else the bookings browser. Does nothing where the role may not see it.
     */
    public void open(DashboardKind kind, Object item) {
        Dashboards shown = dashboards.get();
        if (kind != DashboardKind.FUNNEL) {
            openBookings(kind, item);
        } else if (mayOpenProviders && shown != null && item instanceof AnalyticsRows.FunnelStage stage) {
            DashboardLinks.providersFor(stage, areaName(shown.filter().areaId())).ifPresent(navigate);
        }
    }

    /** Whether clicks on dashboard {@code kind} lead anywhere for this role. */
    public boolean mayOpen(DashboardKind kind) {
        return kind == DashboardKind.FUNNEL ? mayOpenProviders : mayOpenBookings;
    }

    private String areaName(java.util.UUID id) {
        return id == null ? null : areas.stream().filter(a -> id.equals(a.id())).map(AreaChoice::name).findFirst()
                .orElse(null);
    }

    private void show(Dashboards d) {
        dashboards.set(d);
        freshness.setAll(d.freshness());
        readsFrom.set(describe(d.readStatus()));
        updateAges();
    }

    private void updateAges() {
        Dashboards shown = dashboards.get();
        AnalyticsFilter filter = shown == null ? null : shown.filter();
        for (DashboardKind kind : DashboardKind.values()) {
            ages.get(kind).set(Staleness.describe(freshnessOf(kind.viewFor(filter)), clock.instant()));
        }
    }

    private Optional<Freshness> freshnessOf(String viewName) {
        return freshness.stream().filter(f -> f.viewName().equals(viewName)).findFirst();
    }

    static String describe(ReadStatus s) {
        if (!s.replica()) {
            return "Reading from " + s.label();
        }
        if (s.lagBytes() == null) {
            return "Reading from " + s.label() + "; how far behind it is is unknown";
        }
        if (s.lagBytes() == 0) {
            return "Reading from " + s.label() + ", up to date with the primary";
        }
        return String.format("Reading from %s, %.1f s behind the primary (%,d bytes to replay)", s.label(),
                s.lagSeconds(), s.lagBytes());
    }

    public ScreenState state() { return state; }

    public ObjectProperty<LocalDate> fromDayProperty() { return fromDay; }

    public ObjectProperty<LocalDate> toDayProperty() { return toDay; }

    public ObjectProperty<AreaChoice> areaProperty() { return area; }

    public ObjectProperty<String> categoryProperty() { return category; }

    public ObjectProperty<Integer> scheduleMinutesProperty() { return scheduleMinutes; }

    public ObservableList<AreaChoice> areas() { return areas; }

    public ReadOnlyObjectProperty<Dashboards> dashboardsProperty() { return dashboards.getReadOnlyProperty(); }

    public ReadOnlyStringProperty readsFromProperty() { return readsFrom.getReadOnlyProperty(); }

    /** "Data as of 12 minutes ago (refreshed by ana)": how old the view behind {@code kind} is. */
    public ReadOnlyStringProperty ageProperty(DashboardKind kind) { return ages.get(kind).getReadOnlyProperty(); }

    public ObservableList<Freshness> freshness() { return freshness; }

    public Command applyCommand() { return apply; }

    public Command refreshAllCommand() { return refreshAll; }

    public boolean mayRefresh() { return mayRefresh; }

    public boolean mayExport() { return mayExport; }

    public boolean mayOpenBookings() { return mayOpenBookings; }
}
