package dev.tower.area;

import dev.tower.error.ValidationException;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.Form;
import dev.tower.ui.kit.ScreenState;
import dev.tower.ui.map.GeoCircle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Service areas screen: the list with its counts, the map's demand layer, the selection both
 * share, and the editor. Admins create, edit (rename included), deactivate and reactivate; ops see
 * everything read-only. Saving passes the version the admin saw, so a concurrent edit is refused
 * with who changed it, never overwritten. Dragging on the map proposes a change that is confirmed first.
 */
public final class AreasViewModel {
    private final AreaService service;
    private final ScreenState state;
    private final Confirmations confirmations = new Confirmations();
    private final ObservableList<ServiceArea> areas = FXCollections.observableArrayList();
    private final ObservableList<DemandCell> demand = FXCollections.observableArrayList();
    private final ObjectProperty<ServiceArea> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyLongWrapper outsideDropoffs = new ReadOnlyLongWrapper(this, "outsideDropoffs");
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper(this, "editorTitle", "New area");
    private final BooleanProperty canManage;

    private final Field name;
    private final Field latitude = new Field("Latitude", "", AreaRules::latitudeProblem);
    private final Field longitude = new Field("Longitude", "", AreaRules::longitudeProblem);
    private final Field radius = new Field("Radius (miles)", "", AreaRules::radiusProblem);
    private final Form form;
    private final Command save;
    private final Command startNew;
    private final Command deactivate;
    private final Command reactivate;
    private double demandCellLat = 0.01;
    private double demandCellLng = 0.01;
    /** A map drag is waiting for its confirmation; if the question goes away unanswered, the fields go back. */
    private boolean proposing;

    public AreasViewModel(AreaService service, TaskExecutor executor, boolean canManage) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.canManage = new SimpleBooleanProperty(this, "canManage", canManage);
        name = new Field("Name", "", value -> AreaRules.nameProblem(value, areas, editingId()));
        form = Form.of(name, latitude, longitude, radius);
        BooleanBinding changed = Bindings.createBooleanBinding(this::draftDiffers,
                name.textProperty(), latitude.textProperty(), longitude.textProperty(), radius.textProperty(), selected);
        save = Command.of(state.gate(), "Save", this.canManage, form.valid().and(changed), state.busyProperty(), this::saveDraft);
        startNew = Command.of(state.gate(), "New area", this.canManage, new SimpleBooleanProperty(true), state.busyProperty(),
                () -> select(null));
        deactivate = Command.of(state.gate(), "Deactivate", this.canManage,
                Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().active(), selected),
                state.busyProperty(), () -> deactivateSelected(false));
        reactivate = Command.of(state.gate(), "Reactivate", this.canManage,
                Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().active(), selected),
                state.busyProperty(), this::reactivateSelected);
        confirmations.pendingProperty().addListener((obs, old, now) -> {
            if (now == null && proposing) {
                proposing = false;
                select(selected.get());
            }
        });
    }

    /** Reads the areas (keeping the selection by id) and the demand layer. */
    public void load() {
        // every run clears the screen's messages when it starts, so the list's run goes last
        loadDemand(demandCellLat, demandCellLng);
        state.run("areas", "Loading service areas\u2026", service::list, this::show);
    }

    /** The map asks for its demand layer at the cell size that suits its zoom. */
    public void loadDemand(double cellLat, double cellLng) {
        // the database answers in whole cells of its grid; draw them at the size they really are
        demandCellLat = DemandGrid.size(cellLat);
        demandCellLng = DemandGrid.size(cellLng);
        state.run("demand", "Loading drop-offs of the last 30 days\u2026", () -> service.demand(cellLat, cellLng), cells -> {
            demand.setAll(cells);
            outsideDropoffs.set(cells.stream().mapToLong(DemandCell::outside).sum());
        });
    }

    private void show(List<ServiceArea> list) {
        UUID keep = editingId();
        areas.setAll(list);
        select(keep == null ? null : list.stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
    }

    /** Selects an area (from the list or the map) and loads it into the editor; null starts a new one. */
    public void select(ServiceArea area) {
        selected.set(area);
        editorTitle.set(area == null ? "New area" : area.name() + (area.active() ? "" : " (inactive)"));
        name.setText(area == null ? "" : area.name());
        latitude.setText(area == null ? "" : area.centerLat().stripTrailingZeros().toPlainString());
        longitude.setText(area == null ? "" : area.centerLng().stripTrailingZeros().toPlainString());
        radius.setText(area == null ? "" : String.valueOf(area.radiusMiles()));
    }

    public void selectById(UUID id) {
        select(areas.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null));
    }

    /**
     * The map's drag ended: the selected area would move to this circle. Asks first; the fields show
     * the proposal meanwhile and go back if it is dismissed.
     */
    public void proposeCircle(UUID id, GeoCircle circle) {
        ServiceArea area = areas.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
        if (area == null || !canManage.get()) {
            return;
        }
        if (selected.get() != area) {
            select(area);
        }
        String lat = BigDecimal.valueOf(circle.lat()).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        String lng = BigDecimal.valueOf(circle.lng()).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        int miles = (int) Math.max(1, Math.min(AreaRules.MAX_RADIUS_MILES, Math.round(circle.radiusMiles())));
        latitude.setText(lat);
        longitude.setText(lng);
        radius.setText(String.valueOf(miles));
        if (!save.isExecutable()) {
            select(area);
            return;
        }
        AreaDraft proposal = AreaRules.draft(name.text(), lat, lng, String.valueOf(miles));
        proposing = true;
        confirmations.ask(Confirmation.ask("Change " + area.name() + "?",
                "Its circle becomes centre " + lat + ", " + lng + " with a radius of " + miles + " miles "
                        + "(was " + area.centerLat().stripTrailingZeros().toPlainString() + ", "
                        + area.centerLng().stripTrailingZeros().toPlainString() + ", " + area.radiusMiles() + " miles).",
                "Save the new circle", () -> saveDraft(proposal)));
    }

    /** The confirmation of a map drag was dismissed: the fields go back to what is stored. */
    public void dismissConfirmation() {
        confirmations.dismiss();
    }

    private void saveDraft() {
        saveDraft(AreaRules.draft(name.text(), latitude.text(), longitude.text(), radius.text()));
    }

    private void saveDraft(AreaDraft draft) {
        ServiceArea area = selected.get();
        if (area == null) {
            state.run("Creating " + draft.name() + "\u2026", () -> service.create(draft), created -> {
                state.notice("Created " + draft.name() + ".");
                selectAfterReload(created.id());
            });
        } else {
            boolean renamed = !area.name().equals(draft.name());
            state.run("Saving " + area.name() + "\u2026", () -> service.edit(area.id(), area.version(), draft), version -> {
                state.notice(renamed ? "Renamed " + area.name() + " to " + draft.name() + "; its providers now name the new one."
                        : "Saved " + draft.name() + ".");
                selectAfterReload(area.id());
            });
        }
    }

    private void deactivateSelected(boolean confirmed) {
        ServiceArea area = selected.get();
        state.run("main", "Deactivating " + area.name() + "\u2026",
                progress -> service.deactivate(area.id(), area.version(), confirmed),
                version -> {
                    state.notice("Deactivated " + area.name() + ".");
                    selectAfterReload(area.id());
                },
                failure -> {
                    if (failure instanceof ValidationException v && AreaService.SOLE_AREA_CODE.equals(v.code())) {
                        confirmations.ask(Confirmation.typed("Deactivate " + area.name() + " anyway?", v.plainMessage(),
                                "Deactivate", area.name(), () -> deactivateSelected(true)));
                    } else {
                        state.fail(failure);
                    }
                });
    }

    private void reactivateSelected() {
        ServiceArea area = selected.get();
        state.run("Reactivating " + area.name() + "\u2026", () -> service.reactivate(area.id(), area.version()), version -> {
            state.notice("Reactivated " + area.name() + ".");
            selectAfterReload(area.id());
        });
    }

    private void selectAfterReload(UUID id) {
        String notice = state.notice();
        loadDemand(demandCellLat, demandCellLng);
        state.run("areas", "Loading service areas\u2026", service::list, list -> {
            areas.setAll(list);
            selectById(id);
            state.notice(notice);
        });
    }

    private UUID editingId() {
        return selected == null || selected.get() == null ? null : selected.get().id();
    }

    private boolean draftDiffers() {
        ServiceArea a = selected.get();
        if (a == null) {
            return true;
        }
        return !name.value().equals(a.name()) || !sameNumber(latitude.value(), a.centerLat())
                || !sameNumber(longitude.value(), a.centerLng()) || !radius.value().equals(String.valueOf(a.radiusMiles()));
    }

    private static boolean sameNumber(String text, BigDecimal stored) {
        try {
            return new BigDecimal(text).compareTo(stored) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** "3 overlapping: Corktown, Midtown Detroit" style summary for the list. */
    public static String overlapText(ServiceArea area) {
        return area.overlaps().isEmpty() ? "none" : String.join(", ", area.overlaps());
    }

    public double demandCellLat() { return demandCellLat; }

    public double demandCellLng() { return demandCellLng; }

    public Optional<ServiceArea> selectedArea() { return Optional.ofNullable(selected.get()); }

    public ScreenState state() { return state; }

    public Confirmations confirmations() { return confirmations; }

    public ObservableList<ServiceArea> areas() { return areas; }

    public ObservableList<DemandCell> demand() { return demand; }

    public ObjectProperty<ServiceArea> selectedProperty() { return selected; }

    public ReadOnlyLongProperty outsideDropoffsProperty() { return outsideDropoffs.getReadOnlyProperty(); }

    public ReadOnlyStringProperty editorTitleProperty() { return editorTitle.getReadOnlyProperty(); }

    public boolean canManage() { return canManage.get(); }

    public Field name() { return name; }

    public Field latitude() { return latitude; }

    public Field longitude() { return longitude; }

    public Field radius() { return radius; }

    public Command save() { return save; }

    public Command startNew() { return startNew; }

    public Command deactivate() { return deactivate; }

    public Command reactivate() { return reactivate; }
}
