package dev.tower.dispute;

import dev.tower.refund.RefundRow;
import dev.tower.refund.RefundService;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.Place;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The disputes queue: open disputes by due time with filters, the selected one's details and refunds,
 * claim / assign / release, and the resolution form beside it. Toolkit-free, tested without a screen.
 */
public final class DisputeQueueViewModel {
    public static final int PAGE_SIZE = 50;

    private final DisputeService disputes;
    private final EvidencePackService evidence;
    private final ObjectProperty<Path> evidenceFile = new SimpleObjectProperty<>(this, "evidenceFile");
    private final RefundService refunds;
    private final ScreenState state;
    private final Clock clock;
    private final Consumer<Place> openPlace;
    private final KeysetList<DisputeFilter, DisputeCursor, DisputeRow> list;
    private final ResolutionForm resolution;
    private final OpenDisputeForm opening;

    private final Field dueWithin = new Field("Due within (hours)", "", FieldRule.wholeNumber("Due within", 0, 8760, "hours"));
    private final ObjectProperty<Choice> reason = new SimpleObjectProperty<>(this, "reason");
    private final ObjectProperty<AreaChoice> area = new SimpleObjectProperty<>(this, "area");
    private final ObjectProperty<Choice> assignee = new SimpleObjectProperty<>(this, "assignee");
    private final BooleanProperty unassignedOnly = new SimpleBooleanProperty(this, "unassignedOnly");
    private final ObservableList<Choice> reasons = FXCollections.observableArrayList();
    private final ObservableList<AreaChoice> areas = FXCollections.observableArrayList();
    private final ObservableList<Choice> assignees = FXCollections.observableArrayList();

    private final ObjectProperty<DisputeRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<DisputeDetail> detail = new SimpleObjectProperty<>(this, "detail");
    private final ObservableList<RefundRow> bookingRefunds = FXCollections.observableArrayList();
    private final ObjectProperty<RefundRow> selectedRefund = new SimpleObjectProperty<>(this, "selectedRefund");
    private final ObjectProperty<Choice> assignTarget = new SimpleObjectProperty<>(this, "assignTarget");

    private final Command applyFilters;
    private final Command claim;
    private final Command release;
    private final Command assign;
    private final Command openBooking;
    private final Command retryRefund;

    public DisputeQueueViewModel(DisputeService disputes, RefundService refunds, EvidencePackService evidence,
                                 TaskExecutor executor,
                                 String login, boolean canResolve, boolean canRefund, Clock clock,
                                 Consumer<Place> openPlace) {
        this.disputes = disputes;
        this.refunds = refunds;
        this.evidence = evidence;
        this.state = new ScreenState(executor);
        this.clock = clock;
        this.openPlace = openPlace;
        this.list = new KeysetList<>(state, "open disputes", PAGE_SIZE, DisputeFilter.ALL,
                disputes::queue, DisputeCursor::after);
        this.resolution = new ResolutionForm(disputes, state, canResolve && canRefund, this::resolved);
        this.opening = new OpenDisputeForm(disputes, state, canResolve, id -> reload());
        ObservableBooleanValue yes = new SimpleBooleanProperty(true);
        ObservableBooleanValue mayResolve = new SimpleBooleanProperty(canResolve);
        ObservableBooleanValue open = Bindings.createBooleanBinding(
                () -> detail.get() != null && !detail.get().resolved(), detail);
        applyFilters = Command.of(state.gate(), "Apply filters", yes, dueWithin.valid(), state.busyFlag(), this::reload);
        claim = Command.of(state.gate(), "Claim", mayResolve, Bindings.createBooleanBinding(() -> open.get()
                && !login.equals(detail.get().assignedTo()), detail), state.busyFlag(),
                () -> change("Claimed", () -> disputes.claim(detail.get().id())));
        release = Command.of(state.gate(), "Release", mayResolve, Bindings.createBooleanBinding(() -> open.get()
                && detail.get().assignedTo() != null, detail), state.busyFlag(),
                () -> change("Released", () -> disputes.release(detail.get().id())));
        assign = Command.of(state.gate(), "Assign", mayResolve, Bindings.createBooleanBinding(() -> open.get()
                && assignTarget.get() != null, detail, assignTarget), state.busyFlag(),
                () -> change("Assigned to " + assignTarget.get().label() + ":",
                        () -> disputes.assign(detail.get().id(), assignTarget.get().code())));
        openBooking = Command.of(state.gate(), "Open booking", yes, detail.isNotNull(), state.busyFlag(),
                () -> openPlace.accept(Place.of("bookings", detail.get().bookingId())));
        retryRefund = Command.of(state.gate(), "Retry refund", new SimpleBooleanProperty(canRefund),
                Bindings.createBooleanBinding(() -> selectedRefund.get() != null && selectedRefund.get().canRetry(), selectedRefund),
                state.busyFlag(), this::retry);
        selected.addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()))) {
                showDetail(now.id());
            }
        });
    }

    /** Loads the filter choices and the first page. */
    public void load() {
        state.run("choices", "Loading filters…", () -> new Choices(disputes.reasons(), disputes.areas(),
                disputes.assignees(), refunds.reasons()), c -> {
            reasons.setAll(c.reasons());
            areas.setAll(c.areas());
            assignees.setAll(c.assignees());
            resolution.reasons().setAll(c.refundReasons());
            opening.reasons().setAll(c.reasons());
        });
        reload();
    }

    private record Choices(List<Choice> reasons, List<AreaChoice> areas, List<Choice> assignees,
                           List<dev.tower.refund.RefundReason> refundReasons) {}

    public void reload() {
        list.setFilter(currentFilter());
        list.reload();
    }

    public void loadMore() {
        list.loadMore();
    }

    DisputeFilter currentFilter() {
        Integer hours = dueWithin.value().isEmpty() || !dueWithin.isValid() ? null : Integer.valueOf(dueWithin.value());
        return new DisputeFilter(hours, reason.get() == null ? null : reason.get().code(),
                area.get() == null ? null : area.get().id(), assignee.get() == null ? null : assignee.get().code(),
                unassignedOnly.get());
    }

    /** Shows the dispute with this id (also from a link into the Disputes section). */
    public void showDetail(UUID dispute) {
        // one task for both: a second run started from this one's result would clear a notice set meanwhile
        state.run("detail", "Loading the dispute…", () -> {
            DisputeDetail d = disputes.detail(dispute);
            return new Shown(d, refunds.ofBooking(d.bookingId()));
        }, shown -> {
            detail.set(shown.detail());
            resolution.bind(shown.detail());
            bookingRefunds.setAll(shown.refunds());
            selectedRefund.set(null);
        });
    }

    private record Shown(DisputeDetail detail, List<RefundRow> refunds) {}

    private void loadRefunds(UUID booking) {
        state.run("refunds", "Loading refunds…", () -> refunds.ofBooking(booking), rows -> {
            bookingRefunds.setAll(rows);
            selectedRefund.set(null);
        });
    }

    private void change(String done, Runnable work) {
        DisputeDetail d = detail.get();
        state.run("change", done + "…", () -> {
            work.run();
            return d.id();
        }, id -> {
            // reloads first: starting them clears the screen's messages
            showDetail(id);
            reload();
            state.notice(done + " " + d.orderNumber() + ".");
        });
    }

    private void retry() {
        RefundRow r = selectedRefund.get();
        state.run("change", "Sending the refund again…", () -> refunds.retry(r.id()), attempt -> {
            loadRefunds(r.bookingId());
            state.notice("Refund of " + r.amount() + " sent to the payment service again (attempt " + attempt + ", same key).");
        });
    }

    /** Writes the selected dispute's evidence pack to {@code file} (the view asks where). */
    public void exportEvidence(Path file) {
        DisputeDetail d = detail.get();
        if (d == null || file == null) {
            return;
        }
        state.run("change", "Building the evidence pack for " + d.orderNumber() + "…", () -> {
            Files.write(file, evidence.evidencePack(d.id()));
            return file;
        }, written -> {
            evidenceFile.set(written);
            state.notice("Saved the evidence pack for " + d.orderNumber() + " to " + written + ".");
        });
    }

    /** The evidence pack written last (null: none yet). */
    public ObjectProperty<Path> evidenceFileProperty() { return evidenceFile; }

    public javafx.beans.binding.BooleanBinding canExportEvidence() {
        return detail.isNotNull().and(state.busyFlag().not());
    }

    private void resolved(UUID dispute) {
        showDetail(dispute);
        reload();
    }

    public String ageText(DisputeRow row) {
        return DisputeTimes.age(row.openedAt(), clock.instant());
    }

    public String dueText(DisputeRow row) {
        return DisputeTimes.due(row.dueAt(), clock.instant());
    }

    public ScreenState state() { return state; }

    public KeysetList<DisputeFilter, DisputeCursor, DisputeRow> list() { return list; }

    public ObservableList<DisputeRow> rows() { return list.rows(); }

    public ResolutionForm resolution() { return resolution; }

    public OpenDisputeForm opening() { return opening; }

    public Field dueWithin() { return dueWithin; }

    public ObjectProperty<Choice> reasonProperty() { return reason; }

    public ObjectProperty<AreaChoice> areaProperty() { return area; }

    public ObjectProperty<Choice> assigneeProperty() { return assignee; }

    public BooleanProperty unassignedOnlyProperty() { return unassignedOnly; }

    public ObservableList<Choice> reasons() { return reasons; }

    public ObservableList<AreaChoice> areas() { return areas; }

    public ObservableList<Choice> assignees() { return assignees; }

    public ObjectProperty<DisputeRow> selectedProperty() { return selected; }

    public ObjectProperty<DisputeDetail> detailProperty() { return detail; }

    public ObservableList<RefundRow> bookingRefunds() { return bookingRefunds; }

    public ObjectProperty<RefundRow> selectedRefundProperty() { return selectedRefund; }

    public ObjectProperty<Choice> assignTargetProperty() { return assignTarget; }

    public Command applyFilters() { return applyFilters; }

    public Command claim() { return claim; }

    public Command release() { return release; }

    public Command assign() { return assign; }

    public Command openBooking() { return openBooking; }

    public Command retryRefund() { return retryRefund; }
}
