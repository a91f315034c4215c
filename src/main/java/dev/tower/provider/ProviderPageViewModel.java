package dev.tower.provider;

import dev.tower.error.ConflictException;
import dev.tower.error.TowerException;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.DocumentViewerModel;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One provider: details, documents, past decisions, and the decisions an admin takes here. When
 * another admin decided first, the page reloads and then says who and when, so what is shown is
 * always what the decision was refused against.
 */
public final class ProviderPageViewModel {
    /** Everything the page shows, read in one task. */
    public record Page(ProviderDetails details, List<ProviderDocument> documents, List<PastDecision> decisions,
                       List<ScheduleDay> schedule, List<ProviderListing> listings) {}

    /** Listings shown on the page; one more is read to know whether to say "and more". */
    public static final int LISTINGS_SHOWN = 50;

    private final ProviderService service;
    private final ScreenState state;
    private final Clock clock;
    private final boolean mayReadDecisions;
    private final ReadOnlyObjectWrapper<ProviderDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObservableList<ProviderDocument> documents = FXCollections.observableArrayList();
    private final ObservableList<PastDecision> decisions = FXCollections.observableArrayList();
    private final ObservableList<ScheduleDay> schedule = FXCollections.observableArrayList();
    private final ObservableList<ProviderListing> listings = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper moreListings =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "moreListings");
    private final ObjectProperty<ProviderDocument> selectedDocument = new SimpleObjectProperty<>(this, "selectedDocument");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final Command acceptDocument;
    private final Command rejectDocument;
    private final Command verify;
    private final Command reject;
    private final Command suspend;
    private final Command reinstate;
    private final DocumentViewerModel viewer;
    /** Counts the decisions taken here (and refused because someone decided first), for the queue's tab counts. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper decisionsTaken =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "decisionsTaken");

    public ProviderPageViewModel(ProviderService service, TaskExecutor executor, boolean mayReview, boolean mayVerify,
                                 Clock clock) {
        this.service = Objects.requireNonNull(service);
        this.state = new ScreenState(executor);
        this.clock = Objects.requireNonNull(clock);
        this.mayReadDecisions = mayReview;
        var review = new SimpleBooleanProperty(mayReview);
        var decide = new SimpleBooleanProperty(mayVerify);
        BooleanBinding hasReason = Bindings.createBooleanBinding(() -> !reason.get().isBlank(), reason);
        BooleanBinding pendingDocument = Bindings.createBooleanBinding(
                () -> selectedDocument.get() != null && selectedDocument.get().pending(), selectedDocument);
        viewer = new DocumentViewerModel(state);
        // Accept only what the admin could see: while the viewer shows no image, or shows a problem
        // (missing, corrupt, truncated, too large) or bytes that differ from the stored SHA-256, it is off.
        BooleanBinding viewerShowsStoredFile = Bindings.createBooleanBinding(
                () -> viewer.imageProperty().get() != null && viewer.problemProperty().get().isEmpty()
                        && viewer.hashWarningProperty().get().isEmpty(),
                viewer.imageProperty(), viewer.problemProperty(), viewer.hashWarningProperty());
        acceptDocument = Command.of(state.gate(), VerificationShortcuts.ACCEPT_DOCUMENT.withKey(), review,
                pendingDocument.and(Bindings.createBooleanBinding(() -> selectedDocument.get() != null
                        && !selectedDocument.get().expiredOn(today()), selectedDocument)).and(viewerShowsStoredFile),
                state.busyProperty(), () -> decideDocument(true));
        rejectDocument = Command.of(state.gate(), VerificationShortcuts.REJECT_DOCUMENT.withKey(), review,
                pendingDocument.and(hasReason), state.busyProperty(), () -> decideDocument(false));
        verify = Command.of(state.gate(), VerificationShortcuts.VERIFY_PROVIDER.withKey(), decide, statusIn("pending", "rejected"),
                state.busyProperty(), () -> decide("Verifying…", "Provider verified.",
                        () -> service.verify(id(), version())));
        reject = Command.of(state.gate(), "Reject provider", decide, statusIn("pending").and(hasReason), state.busyProperty(),
                () -> decide("Rejecting…", "Provider rejected.", () -> service.reject(id(), version(), reason.get())));
        suspend = Command.of(state.gate(), "Suspend", decide, statusIn("verified").and(hasReason), state.busyProperty(),
                () -> decide("Suspending…", "Provider suspended.", () -> service.suspend(id(), version(), reason.get())));
        reinstate = Command.of(state.gate(), "Reinstate", decide, statusIn("suspended").and(hasReason), state.busyProperty(),
                () -> decide("Reinstating…", "Provider reinstated.", () -> service.reinstate(id(), version(), reason.get())));
        selectedDocument.addListener((obs, old, now) -> {
            if (mayReview && now != null && (old == null || !old.id().equals(now.id()))) {
                viewer.open(() -> service.documentFile(now.id()));
            }
        });
    }

    public void open(UUID providerId) {
        details.set(null);
        documents.clear();
        decisions.clear();
        schedule.clear();
        listings.clear();
        moreListings.set(false);
        reload(providerId, null, null);
    }

    /** Selects the next document awaiting a decision (after the selected one), wrapping around. */
    public void nextDocument() {
        if (documents.isEmpty()) {
            return;
        }
        int start = documents.indexOf(selectedDocument.get());
        for (int i = 1; i <= documents.size(); i++) {
            ProviderDocument d = documents.get(Math.floorMod(start + i, documents.size()));
            if (d.pending()) {
                selectedDocument.set(d);
                return;
            }
        }
        selectedDocument.set(documents.get(Math.floorMod(start + 1, documents.size())));
    }

    /** "Expired", "Expires in 12 days" or "" for the selected document's expiry badge. */
    public String expiryWords(ProviderDocument d) {
        if (d == null || d.expiresOn() == null) {
            return "";
        }
        LocalDate today = today();
        if (d.expiredOn(today)) {
            return "Expired on " + d.expiresOn();
        }
        long days = ChronoUnit.DAYS.between(today, d.expiresOn());
        return d.expiresSoon(today) ? "Expires in " + days + (days == 1 ? " day" : " days") : "Valid until " + d.expiresOn();
    }

    private void decideDocument(boolean accept) {
        ProviderDocument doc = selectedDocument.get();
        String why = reason.get();
        decide(accept ? "Accepting document…" : "Rejecting document…",
                accept ? "Document accepted." : "Document rejected.",
                () -> accept ? service.acceptDocument(doc.id()) : service.rejectDocument(doc.id(), why), false);
    }

    private void decide(String doing, String done, Callable<?> decision) {
        decide(doing, done, decision, true);
    }

    /** @param stayOnDocument false after a document decision: move on to the next one awaiting review */
    private void decide(String doing, String done, Callable<?> decision, boolean stayOnDocument) {
        UUID providerId = id();
        UUID documentId = selectedDocument.get() == null ? null : selectedDocument.get().id();
        state.run("main", doing, progress -> decision.call(),
                result -> {
                    decisionsTaken.set(decisionsTaken.get() + 1);
                    reload(providerId, stayOnDocument ? documentId : null, done);
                },
                failure -> refused(providerId, documentId, failure));
    }

    private void refused(UUID providerId, UUID documentId, TowerException failure) {
        if (failure instanceof ConflictException) {
            // Someone decided first: show what they decided, then say so; the counts changed too.
            decisionsTaken.set(decisionsTaken.get() + 1);
            state.run("main", "Reloading…", progress -> reads().apply(providerId), page -> {
                show(page, documentId);
                state.fail(failure);
            }, state::fail);
        } else {
            state.fail(failure);
        }
    }

    private void reload(UUID providerId, UUID keepDocument, String notice) {
        state.run("main", "Loading provider…", progress -> reads().apply(providerId), page -> {
            show(page, keepDocument);
            if (notice != null) {
                reason.set("");
                state.notice(notice);
            }
        }, state::fail);
    }

    /** The page's three reads, as the task the executor runs on its worker thread (never on the FX thread). */
    private java.util.function.Function<UUID, Page> reads() {
        return providerId -> new Page(service.details(providerId), service.documents(providerId),
                mayReadDecisions ? service.decisions(providerId) : List.of(), service.schedule(providerId),
                service.listings(providerId, LISTINGS_SHOWN + 1));
    }

    private void show(Page page, UUID keepDocument) {
        details.set(page.details());
        documents.setAll(page.documents());
        decisions.setAll(page.decisions());
        schedule.setAll(page.schedule());
        listings.setAll(page.listings().subList(0, Math.min(LISTINGS_SHOWN, page.listings().size())));
        moreListings.set(page.listings().size() > LISTINGS_SHOWN);
        selectedDocument.set(page.documents().stream().filter(d -> d.id().equals(keepDocument)).findFirst()
                .or(() -> page.documents().stream().filter(ProviderDocument::pending).findFirst())
                .or(() -> page.documents().stream().findFirst()).orElse(null));
    }

    private BooleanBinding statusIn(String... statuses) {
        return Bindings.createBooleanBinding(() -> details.get() != null
                && List.of(statuses).contains(details.get().certificationStatus()), details);
    }

    private LocalDate today() { return LocalDate.now(clock); }

    private UUID id() { return details.get().id(); }

    private int version() { return details.get().verificationVersion(); }

    public ScreenState state() { return state; }

    public ReadOnlyObjectProperty<ProviderDetails> detailsProperty() { return details.getReadOnlyProperty(); }

    public ObservableList<ProviderDocument> documents() { return documents; }

    public ObservableList<PastDecision> decisions() { return decisions; }

    public ObservableList<ScheduleDay> schedule() { return schedule; }

    public ObservableList<ProviderListing> listings() { return listings; }

    public javafx.beans.property.ReadOnlyBooleanProperty moreListingsProperty() { return moreListings.getReadOnlyProperty(); }

    public ObjectProperty<ProviderDocument> selectedDocumentProperty() { return selectedDocument; }

    public StringProperty reasonProperty() { return reason; }

    public Command acceptDocument() { return acceptDocument; }

    public Command rejectDocument() { return rejectDocument; }

    public Command verify() { return verify; }

    public Command reject() { return reject; }

    public Command suspend() { return suspend; }

    public Command reinstate() { return reinstate; }

    public DocumentViewerModel viewer() { return viewer; }

    public javafx.beans.property.ReadOnlyIntegerProperty decisionsTakenProperty() {
        return decisionsTaken.getReadOnlyProperty();
    }
}
