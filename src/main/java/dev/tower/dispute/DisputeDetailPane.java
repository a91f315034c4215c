package dev.tower.dispute;

import atlantafx.base.theme.Styles;
import dev.tower.refund.RefundReason;
import dev.tower.refund.RefundRow;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.Fields;
import dev.tower.ui.controls.FormPanel;
import dev.tower.ui.controls.Tables;
import dev.tower.ui.kit.Money;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;

/** The selected dispute: its facts, claim / assign / release, its refunds, the resolution form, and opening a new one. */
final class DisputeDetailPane extends VBox {
    private final DisputeQueueViewModel viewModel;
    /** Asks where to save a file, given a suggested name; null: cancelled. A file chooser unless replaced. */
    private java.util.function.Function<String, java.nio.file.Path> savePicker = this::chooseFile;

    DisputeDetailPane(DisputeQueueViewModel viewModel) {
        this.viewModel = viewModel;
        setId("disputeDetail");
        setSpacing(10);
        // the forms get tabs of their own, so the resolution form has the height it needs
        javafx.scene.control.TabPane forms = new javafx.scene.control.TabPane(
                tab("disputeResolveTab", "Resolve", resolutionForm()),
                tab("disputeRefundsTab", "Refunds", refunds()),
                tab("disputeOpenTab", "Open a dispute", openForm()));
        forms.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(forms, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(facts(), actions(), forms);
    }

    private static javafx.scene.control.Tab tab(String id, String title, javafx.scene.Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private VBox facts() {
        Label heading = new Label();
        heading.setId("disputeHeading");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        Label facts = new Label();
        facts.setId("disputeFacts");
        facts.setWrapText(true);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        viewModel.detailProperty().addListener((obs, old, d) -> {
            if (d == null) {
                heading.setText("Choose a dispute");
                facts.setText("");
                return;
            }
            heading.setText(d.orderNumber() + ": " + d.reason());
            facts.setText(String.join("\n",
                    "Status: " + d.status().replace('_', ' ') + (d.assignedTo() == null ? ", unassigned" : ", with " + d.assignedTo()),
                    (d.resolved() ? "Resolved: " + d.resolution().replace('_', ' ') + " by " + d.resolvedBy()
                            : capitalized(DisputeTimes.due(d.dueAt(), java.time.Instant.now()))
                              + " (" + d.dueAt().atZoneSameInstant(java.time.ZoneId.systemDefault())
                                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + ")"),
                    "Captured " + money(d.captured()) + "; refunded or awaiting approval " + money(d.reserved())
                            + "; left " + money(d.remaining()),
                    d.note() == null ? "" : "Note: " + d.note()).strip());
        });
        heading.setText("Choose a dispute");
        return new VBox(4, heading, facts);
    }

    private FlowPane actions() {
        ComboBox<Choice> target = new ComboBox<>(viewModel.assignees());
        target.setId("disputeAssignTarget");
        target.setPromptText("Assign to…");
        target.valueProperty().bindBidirectional(viewModel.assignTargetProperty());
        Button evidence = new Button("Evidence pack", new org.kordamp.ikonli.javafx.FontIcon(Feather.FILE_TEXT));
        evidence.setId("disputeEvidence");
        evidence.disableProperty().bind(viewModel.canExportEvidence().not());
        evidence.setOnAction(e -> {
            java.nio.file.Path file = savePicker.apply("evidence-" + viewModel.detailProperty().get().orderNumber() + ".pdf");
            if (file != null) {
                viewModel.exportEvidence(file);
            }
        });
        FlowPane row = new FlowPane(6, 6, Buttons.of("disputeClaim", viewModel.claim(), Feather.USER_CHECK),
                Buttons.of("disputeRelease", viewModel.release(), Feather.USER_X), target,
                Buttons.of("disputeAssign", viewModel.assign(), Feather.USERS),
                Buttons.of("disputeOpenBooking", viewModel.openBooking(), Feather.EXTERNAL_LINK), evidence);
        row.getChildren().forEach(n -> n.getStyleClass().add(Styles.SMALL));
        target.setPrefWidth(130);
        return row;
    }

    private java.nio.file.Path chooseFile(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the evidence pack");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialFileName(suggested);
        File file = chooser.showSaveDialog(getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    void setSavePicker(java.util.function.Function<String, java.nio.file.Path> picker) {
        this.savePicker = picker;
    }

    private VBox refunds() {
        TableView<RefundRow> table = new TableView<>(viewModel.bookingRefunds());
        table.setId("disputeRefunds");
        table.setPrefHeight(160);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Tables.placeholder(table, "No refunds on this booking.");
        // the pane is narrow: the table shows what tells refunds apart, the line below it the selected one whole
        table.getColumns().add(Tables.textColumn("Amount", 78, 74, r -> money(r.amount())));
        table.getColumns().add(Tables.textColumn("Provider", 78, 74,
                r -> r.providerShare() == null ? "—" : money(r.providerShare())));
        // a gateway's failure reason is longer than the pane is wide: the tooltip has it whole
        table.getColumns().add(Tables.tooltipColumn("State", 170, 100, RefundRow::stateText));
        Tables.bindSelection(table, viewModel.selectedRefundProperty());
        Label title = new Label("Refunds on this booking");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label selected = new Label(NO_REFUND_CHOSEN);
        selected.setId("disputeRefundDetail");
        selected.setWrapText(true);
        selected.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        selected.getStyleClass().add(Styles.TEXT_MUTED);
        viewModel.selectedRefundProperty().addListener((obs, old, r) -> selected.setText(r == null
                ? NO_REFUND_CHOSEN : refundDetail(r)));
        return new VBox(6, title, table, selected, Buttons.of("disputeRetryRefund", viewModel.retryRefund(), Feather.REFRESH_CW));
    }

    private static final String NO_REFUND_CHOSEN = "Choose a refund to see who pays it back and its settlement.";

    private static String refundDetail(RefundRow r) {
        String split = r.platformFeeShare() == null ? ""
                : ": the platform gives back " + money(r.platformFeeShare()) + " of its fee and "
                  + money(r.providerShare()) + " is clawed back from the provider";
        // a request in flight says its attempt already ("sent again (attempt 2)"); an outcome does not
        boolean answered = r.settlement() != null && !r.settlement().equals("requested");
        String attempts = answered && r.attempts() > 1 ? " (attempt " + r.attempts() + ")" : "";
        return money(r.amount()) + split + ".\n" + capitalized(r.stateText()) + attempts
                + ".\nRequested by " + r.requesterName() + ".";
    }

    private FormPanel resolutionForm() {
        ResolutionForm form = viewModel.resolution();
        FormPanel panel = new FormPanel("resolutionForm", "Resolve");
        panel.note("Resolved once; a refund above the approval limit waits for an admin.");
        ToggleGroup group = new ToggleGroup();
        FlowPane choices = new FlowPane(12, 6);
        for (Resolution r : Resolution.values()) {
            RadioButton b = new RadioButton(r.label());
            b.setId("resolution-" + r.code());
            b.setToggleGroup(group);
            b.setUserData(r);
            choices.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                form.resolutionProperty().set(now == null ? null : (Resolution) now.getUserData()));
        form.resolutionProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(null);
            }
        });
        panel.add(choices);
        TextField amount = new TextField();
        amount.setId("resolutionAmount");
        amount.setPromptText("e.g. 12.50");
        amount.textProperty().bindBidirectional(form.amount().textProperty());
        amount.disableProperty().bind(form.resolutionProperty().isNotEqualTo(Resolution.PARTIAL_REFUND));
        panel.add(Fields.label("Refund amount (partial refund)", amount), amount,
                Fields.problem("resolutionAmountProblem", form.amountProblemBinding(), amount));
        ComboBox<RefundReason> reason = new ComboBox<>(form.reasons());
        reason.setId("resolutionReason");
        reason.valueProperty().bindBidirectional(form.reasonProperty());
        reason.disableProperty().bind(Bindings.equal(form.resolutionProperty(), Resolution.NO_REFUND));
        panel.labelled("Refund reason", reason);
        TextArea note = new TextArea();
        note.setId("resolutionNote");
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(form.note().textProperty());
        panel.add(Fields.label("Note (required)", note), note, Fields.problem("resolutionNoteProblem", form.note().problem(), note));
        Label split = new Label();
        split.setId("resolutionSplit");
        split.setWrapText(true);
        split.textProperty().bind(form.splitTextBinding());
        panel.add(split);
        panel.actions(Buttons.accent("resolutionResolve", form.resolve(), Feather.CHECK));
        return panel;
    }

    private FormPanel openForm() {
        OpenDisputeForm form = viewModel.opening();
        FormPanel panel = new FormPanel("openDisputeForm", "Open a dispute on a booking");
        panel.text("openDisputeOrder", form.orderNumber());
        ComboBox<Choice> reason = new ComboBox<>(form.reasons());
        reason.setId("openDisputeReason");
        reason.valueProperty().bindBidirectional(form.reasonProperty());
        panel.labelled("Reason", reason);
        panel.text("openDisputeNote", form.note());
        panel.actions(Buttons.of("openDisputeButton", form.open(), Feather.ALERT_TRIANGLE));
        return panel;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String money(java.math.BigDecimal amount) {
        return Money.rounded(amount, Money.USD).display();
    }
}
