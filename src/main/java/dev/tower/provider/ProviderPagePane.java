package dev.tower.provider;

import atlantafx.base.theme.Styles;
import dev.tower.ui.LocalTimes;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.DocumentViewer;
import dev.tower.ui.controls.ScreenFrame;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The provider page: details, documents with the viewer, decisions with their reason, history. */
final class ProviderPagePane {
    private ProviderPagePane() {}

    static ScreenFrame create(ProviderPageViewModel vm, ZoneId zone) {
        return new ScreenFrame("providerPage", "", vm.state(), content(vm, zone));
    }

    private static VBox content(ProviderPageViewModel vm, ZoneId zone) {
        Label name = new Label("Select a provider in the queue.");
        name.setId("providerName");
        name.getStyleClass().add(Styles.TITLE_3);
        Label facts = new Label();
        facts.setId("providerFacts");
        facts.setWrapText(true);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        Label contact = new Label();
        contact.setId("providerContact");
        contact.setWrapText(true);
        contact.setMinHeight(Region.USE_PREF_SIZE);
        vm.detailsProperty().addListener((obs, old, d) -> {
            if (d == null) {
                return;
            }
            name.setText(d.businessName() + "  ·  " + d.certificationStatus()
                    + (d.needsReverification() ? "  ·  needs re-verification" : ""));
            facts.setText(String.format("%s · %s · rating %s (%d reviews) · %d completed jobs · %d listings · %d bookings (%d open) · areas: %s",
                    d.personName(), d.type(), d.rating(), d.reviewCount(), d.completedJobs(), d.listings(), d.bookings(),
                    d.openBookings(), String.join(", ", d.serviceAreas())));
            String reach = java.util.stream.Stream.of(d.businessPhone(), d.businessEmail(), d.businessAddress(), d.businessWebsite())
                    .filter(v -> v != null && !v.isBlank()).collect(java.util.stream.Collectors.joining("  ·  "));
            contact.setText((reach.isEmpty() ? "No business contact details" : reach)
                    + "\nSubmitted for verification " + LocalTimes.minutes(d.submittedAt(), zone)
                    + "\n" + payoutLine(d));
        });

        ListView<ProviderDocument> documents = new ListView<>(vm.documents());
        documents.setId("providerDocuments");
        documents.setPrefHeight(150);
        documents.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ProviderDocument d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("document-expired", "document-expiring");
                if (empty || d == null) {
                    setText(null);
                    return;
                }
                String expiry = vm.expiryWords(d);
                setText(d.kind().replace('_', ' ') + (d.required() ? "" : " (extra)") + " — " + d.decision()
                        + (expiry.isEmpty() ? "" : " — " + expiry) + "\n" + d.fileName() + " · " + d.contentType()
                        + " · " + (d.byteSize() / 1024) + " KB · uploaded " + LocalTimes.minutes(d.uploadedAt(), zone));
                LocalDate today = LocalDate.now(Clock.system(zone));
                if (d.expiredOn(today)) {
                    getStyleClass().add("document-expired");
                    setStyle("-fx-text-fill: -color-danger-fg;");
                } else if (d.expiresSoon(today)) {
                    setStyle("-fx-text-fill: -color-warning-fg;");
                } else {
                    setStyle(null);
                }
            }
        });
        documents.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != vm.selectedDocumentProperty().get()) {
                vm.selectedDocumentProperty().set(now);
            }
        });
        vm.selectedDocumentProperty().addListener((obs, old, now) -> {
            if (now != null && documents.getSelectionModel().getSelectedItem() != now) {
                documents.getSelectionModel().select(now);
            }
        });

        Label sha = new Label();
        sha.setId("documentSha");
        sha.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        sha.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedDocumentProperty().get() == null ? ""
                : "SHA-256 " + vm.selectedDocumentProperty().get().sha256(), vm.selectedDocumentProperty()));

        TextField reason = new TextField();
        reason.setId("decisionReason");
        reason.setPromptText("Reason (needed to reject, suspend or reinstate)");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        FlowPane buttons = new FlowPane(8, 8,
                Buttons.of("acceptDocumentButton", vm.acceptDocument(), Feather.CHECK),
                Buttons.of("rejectDocumentButton", vm.rejectDocument(), Feather.X),
                Buttons.accent("verifyProviderButton", vm.verify(), Feather.CHECK_CIRCLE),
                Buttons.of("rejectProviderButton", vm.reject(), Feather.X_CIRCLE),
                Buttons.of("suspendProviderButton", vm.suspend(), Feather.PAUSE_CIRCLE),
                Buttons.of("reinstateProviderButton", vm.reinstate(), Feather.PLAY_CIRCLE));

        ListView<PastDecision> history = new ListView<>(vm.decisions());
        history.setId("providerDecisions");
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PastDecision p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : LocalTimes.minutes(p.at(), zone) + "  " + p.actor() + "  "
                        + p.action().replace('_', ' ') + (p.reason() == null ? "" : " — " + p.reason()));
            }
        });
        ListView<ScheduleDay> schedule = lines("providerSchedule", vm.schedule(), ScheduleDay::words, "No weekly schedule set");
        ListView<ProviderListing> listings = lines("providerListings", vm.listings(), ProviderListing::words, "No listings");
        Tab listingsTab = new Tab("Listings", listings);
        listingsTab.textProperty().bind(Bindings.when(vm.moreListingsProperty())
                .then("Listings (" + ProviderPageViewModel.LISTINGS_SHOWN + "+)").otherwise("Listings"));
        // decisions, week and listings share one place: the page has no room for three lists stacked
        TabPane more = new TabPane(new Tab("Decisions", history), new Tab("Week", schedule), listingsTab);
        more.setId("providerMore");
        more.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        more.setPrefHeight(170);

        name.setWrapText(true);
        VBox left = new VBox(8, new Label("Documents"), documents, sha, reason, buttons, more);
        left.setPadding(new Insets(0, 8, 0, 0));
        VBox.setVgrow(more, Priority.ALWAYS);
        left.setAlignment(Pos.TOP_LEFT);
        DocumentViewer viewer = new DocumentViewer("documentViewer", vm.viewer());
        SplitPane split = new SplitPane(left, viewer);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        return new VBox(6, name, facts, contact, split);
    }

    /** A short read-only list, one line of words per item. */
    private static <T> ListView<T> lines(String id, javafx.collections.ObservableList<T> items,
                                         java.util.function.Function<T, String> words, String empty) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(110);
        list.setPlaceholder(new Label(empty));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? null : words.apply(item));
            }
        });
        return list;
    }

    /** Masks only: the full bank and tax details are encrypted for the payments service. */
    static String payoutLine(ProviderDetails d) {
        if (d.bankAccountMask() == null && d.taxIdMask() == null) {
            return "No bank or tax details on file";
        }
        return "Bank account " + (d.bankAccountMask() == null ? "not on file" : d.bankAccountMask())
                + "  ·  Tax ID " + (d.taxIdMask() == null ? "not on file" : d.taxIdMask());
    }
}
