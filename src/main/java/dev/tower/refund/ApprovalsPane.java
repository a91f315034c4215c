package dev.tower.refund;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.FormPanel;
import dev.tower.ui.controls.KeysetTable;
import dev.tower.ui.controls.ScreenFrame;
import dev.tower.ui.controls.Tables;
import dev.tower.ui.kit.Money;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Refunds awaiting a second admin's approval, oldest first, with approve / decline and a note. */
public final class ApprovalsPane extends StackPane {
    public ApprovalsPane(ApprovalsViewModel viewModel, ZoneId zone) {
        setId("approvalsView");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(zone);
        KeysetTable<RefundRow> table = new KeysetTable<>("approvalsTable", viewModel.list(), viewModel.state(),
                "No refunds are waiting for approval.");
        table.table().getColumns().add(Tables.textColumn("Requested", 96, 92, r -> time.format(r.requestedAt())));
        table.table().getColumns().add(Tables.textColumn("Booking", 108, 106, RefundRow::orderNumber));
        table.table().getColumns().add(Tables.textColumn("Amount", 76, 72, r -> money(r.amount())));
        table.table().getColumns().add(Tables.textColumn("Fee / provider", 122, 118, r -> r.platformFeeShare() == null ? "—"
                : money(r.platformFeeShare()) + " / " + money(r.providerShare())));
        table.table().getColumns().add(Tables.textColumn("By", 110, 80, RefundRow::requesterName));
        table.table().getColumns().add(Tables.textColumn("Why", 220, 120, r -> (r.reasonCode() == null ? ""
                : r.reasonCode().replace('_', ' ') + ": ") + r.note()));
        Tables.bindSelection(table.table(), viewModel.selectedProperty());
        HBox.setHgrow(table, Priority.ALWAYS);

        FormPanel decision = new FormPanel("approvalDecision", "Decide");
        decision.note("Four eyes: a refund above the limit needs an admin other than the one who asked for it.");
        Label why = new Label();
        why.setId("approvalWhyNot");
        why.setWrapText(true);
        why.getStyleClass().add(Styles.WARNING);
        why.textProperty().bind(viewModel.whyNotBinding());
        decision.add(why);
        decision.text("approvalNote", viewModel.note());
        decision.actions(Buttons.accent("approvalApprove", viewModel.approve(), Feather.CHECK),
                Buttons.of("approvalDecline", viewModel.decline(), Feather.X));
        decision.setPrefWidth(290);
        decision.setMinWidth(270);

        getChildren().add(new ScreenFrame("approvals", "", viewModel.state(), new HBox(12, table, decision))
                .onEachShow(viewModel::load));
    }

    private static String money(java.math.BigDecimal amount) {
        return Money.rounded(amount, Money.USD).display();
    }
}
