package dev.tower.dispute;

import dev.tower.refund.MoneyFixtures;
import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.Screenshots;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import javafx.scene.control.TableView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Disputes screen in the real window on the small demo market: ops resolve the most overdue dispute
 * with a partial refund end to end and export its evidence pack, whose first page is rendered to PNG; an
 * admin looks at the approvals queue (dark theme); overdue rows are marked; the refunds tab, the booking's
 * timeline and the open-dispute form show a refund's settlement. Saves screenshots of each.
 */
class DisputesUiTest extends ConsoleUiTest {
    @BeforeAll
    static void demoMarket() {
        TestDatabase.withDemoData();
    }

    @Test
    void opsResolveADisputeWithAPartialRefundAndExportItsEvidencePack(FxRobot robot) throws Exception {
        TestDatabase db = TestDatabase.get();
        MoneyFixtures.Paid paid = new MoneyFixtures(db).paidBooking("disputed", "84.80", "9.42");
        UUID dispute = new TestRows(db.superuser()).queryUuid("""
                INSERT INTO disputes (booking_id, reason, reason_code, note, opened_at, sla_due_at)
                VALUES (?, 'Package was damaged on arrival', 'damaged_or_incomplete', 'Customer sent a photo of the crushed box',
                        now() - interval '30 days', now() - interval '28 days') RETURNING id""", paid.booking());
        String order;
        try (Connection c = db.superuser().getConnection()) {
            order = SqlProbe.value(c, "SELECT order_number FROM bookings WHERE id = '" + paid.booking() + "'");
        }

        signInAsDemo(robot, "demo_ops");
        robot.clickOn("#nav-disputes");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        // the most overdue comes first and is marked
        DisputeRow first = table(robot).getItems().getFirst();
        assertThat(first.id()).isEqualTo(dispute);
        assertThat(first.overdue()).isTrue();
        screenshot("disputes-queue.png");

        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> text(robot, "#disputeHeading").startsWith(order));
        robot.clickOn("#resolution-partial_refund");
        robot.clickOn("#resolutionAmount").write("25.00");
        robot.clickOn("#resolutionNote").write("Box crushed; the contents were partly usable.");
        waitUntil(() -> text(robot, "#resolutionSplit").contains("$25.00"));
        assertThat(text(robot, "#resolutionSplit"))
                .isEqualTo("Refund $25.00: the platform gives back $2.78 of its fee and $22.22 is clawed back from the provider.");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#resolutionForm").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("disputes-resolution-form.png");
        robot.clickOn("#resolutionResolve");
        waitUntil(() -> text(robot, "#disputesNoticeText").startsWith("Resolved " + order));
        assertThat(text(robot, "#disputesNoticeText"))
                .isEqualTo("Resolved " + order + ": $25.00 refund issued; the booking is completed.");
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(c, """
                    SELECT d.resolution || ' ' || r.amount || ' ' || r.platform_fee_share || ' ' || r.provider_share || ' ' || b.status
                    FROM disputes d JOIN refunds r ON r.id = d.refund_id JOIN bookings b ON b.id = d.booking_id
                    WHERE d.id = '%s'""".formatted(dispute))).isEqualTo("partial_refund 25.00 2.78 22.22 completed");
        }
        waitUntil(() -> !robot.lookup("#disputeRefunds").queryAs(TableView.class).getItems().isEmpty());
        screenshot("disputes-resolved.png");

        Path pdf = Files.createTempDirectory("evidence").resolve("evidence-" + order + ".pdf");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#disputesView").queryAs(DisputesView.class).setSavePicker(name -> pdf))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn("#disputeEvidence");
        waitUntil(() -> text(robot, "#disputesNoticeText").startsWith("Saved the evidence pack"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("Evidence pack: dispute on booking " + order).contains("Price breakdown")
                    .contains("Timeline").contains("Message thread").contains("Provider's documents").contains("Photos")
                    .contains("Page 1 of " + doc.getNumberOfPages()).contains("by Olivia Ops (demo_ops)")
                    .contains("partial refund by demo_ops");
            Files.createDirectories(Screenshots.DIRECTORY);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
                    Screenshots.DIRECTORY.resolve("dispute-evidence-pack-page1.png").toFile());
        }
    }

    @Test
    void overdueDisputesAreMarkedInTheDangerStyleAndTheQueueFitsA1280Window(FxRobot robot) throws Exception {
        MoneyFixtures money = new MoneyFixtures(TestDatabase.get());
        TestRows rows = new TestRows(TestDatabase.get().superuser());
        UUID late = rows.queryUuid("""
                INSERT INTO disputes (booking_id, reason, reason_code, opened_at, sla_due_at)
                VALUES (?, 'The courier left the parcel in the rain and the paperwork inside was soaked through',
                        'damaged_or_incomplete', now() - interval '29 days', now() - interval '27 days') RETURNING id""",
                money.paidBooking("disputed", "1405.20", "140.52").booking());
        UUID notYetDue = money.openDispute(money.paidBooking("disputed", "20.00", "2.00"));
        // (less late than the dispute the resolution test expects at the head of the queue)

        signInAsDemo(robot, "demo_ops");
        at1280x800();
        robot.clickOn("#nav-disputes");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        waitFor(robot, "#disputeRow-" + late);
        javafx.scene.Node lateRow = robot.lookup("#disputeRow-" + late).query();
        assertThat(lateRow.getPseudoClassStates()).contains(DisputesView.OVERDUE);
        assertThat(robot.from(lateRow).lookup(".overdue-icon").tryQuery()).isPresent();
        screenshot("disputes-queue-overdue-1280.png");

        // the one not yet due is far down the queue: scroll to it, then it is there and unmarked
        int index = table(robot).getItems().stream().map(DisputeRow::id).toList().indexOf(notYetDue);
        assertThat(index).isPositive();
        WaitForAsyncUtils.asyncFx(() -> table(robot).scrollTo(index)).get(5, TimeUnit.SECONDS);
        waitFor(robot, "#disputeRow-" + notYetDue);
        javafx.scene.Node dueRow = robot.lookup("#disputeRow-" + notYetDue).query();
        assertThat(dueRow.getPseudoClassStates()).doesNotContain(DisputesView.OVERDUE);
        assertThat(robot.from(dueRow).lookup(".overdue-icon").tryQuery()).isEmpty();
    }

    @Test
    void anAdminSeesTheApprovalsQueue(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-disputes");
        waitUntil(() -> !table(robot).getItems().isEmpty());
        robot.clickOn("#disputesApprovalsTab");
        waitUntil(() -> !robot.lookup("#approvalsTable").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#approvalsTable").queryAs(TableView.class).getSelectionModel().select(0))
                .get(5, TimeUnit.SECONDS);
        screenshot("disputes-approvals.png");
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("disputes-approvals-dark.png");
        robot.clickOn("#disputesQueueTab");
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("disputes-queue-dark.png");
        robot.clickOn("#themeToggle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRefundsTabAndTheBookingTimelineShowEachRefundsSettlementAndTheOpenDisputeFormIsThere(FxRobot robot) throws Exception {
        MoneyFixtures money = new MoneyFixtures(TestDatabase.get());
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "120.00", "13.33");
        UUID dispute = money.openDispute(paid);
        String refunded = "ui-refunded-" + UUID.randomUUID();
        String failed = "ui-failed-" + UUID.randomUUID();
        money.issue(paid, "15.00", refunded);
        money.settle(refunded, true, "re_ui_0001");
        UUID failedRefund = money.issue(paid, "10.00", failed);
        money.settle(failed, false, "card_expired: the customer's card has expired; the bank refused the refund");
        money.issue(paid, "5.00", "ui-sent-" + UUID.randomUUID());
        // failed once, sent again by ops with the same key, then refunded
        String retried = "ui-retried-" + UUID.randomUUID();
        UUID retriedRefund = money.issue(paid, "2.50", retried);
        money.settle(retried, false, "gateway_timeout: the payment gateway did not answer in time");
        try (Connection ops = TestDatabase.get().connectAsDemo("demo_ops")) {
            SqlProbe.value(ops, "SELECT ops.retry_refund('%s')".formatted(retriedRefund));
        }
        money.settle(retried, true, "re_ui_0002");

        signInAsDemo(robot, "demo_ops");
        at1280x800();
        robot.clickOn("#nav-disputes");
        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.id().equals(dispute)));
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(
                table(robot).getItems().stream().filter(r -> r.id().equals(dispute)).findFirst().orElseThrow()))
                .get(5, TimeUnit.SECONDS);
        robot.clickOn("#disputeRefundsTab");
        TableView<dev.tower.refund.RefundRow> refunds = robot.lookup("#disputeRefunds").queryAs(TableView.class);
        waitUntil(() -> refunds.getItems().size() == 4);
        // newest first: refunded on its second attempt, still being sent, failed with the gateway's reason,
        // refunded with its reference
        assertThat(refunds.getItems()).extracting(dev.tower.refund.RefundRow::stateText).containsExactly(
                "refunded (re_ui_0002)",
                "sent to the payment service",
                "failed: card_expired: the customer's card has expired; the bank refused the refund",
                "refunded (re_ui_0001)");
        assertThat(robot.lookup("#disputeRetryRefund").queryButton().isDisabled()).isTrue();
        WaitForAsyncUtils.asyncFx(() -> refunds.getSelectionModel().select(2)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> !robot.lookup("#disputeRetryRefund").queryButton().isDisabled());
        assertThat(refunds.getSelectionModel().getSelectedItem().id()).isEqualTo(failedRefund);
        assertThat(text(robot, "#disputeRefundDetail")).isEqualTo("""
                $10.00: the platform gives back $1.11 of its fee and $8.89 is clawed back from the provider.
                Failed: card_expired: the customer's card has expired; the bank refused the refund.
                Requested by Olivia Ops.""");
        screenshot("disputes-refunds-tab.png");

        robot.clickOn("#disputeOpenTab");
        robot.clickOn("#openDisputeOrder").write("SM-00000042");
        robot.clickOn("#openDisputeNote").write("Customer called: the drone footage is missing the north side.");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#openDisputeReason").queryComboBox().getSelectionModel().select(2))
                .get(5, TimeUnit.SECONDS);
        waitUntil(() -> !robot.lookup("#openDisputeButton").queryButton().isDisabled());
        screenshot("disputes-open-dispute-tab.png");

        // the booking's timeline tells each refund's life at the payment service
        robot.clickOn("#disputeOpenBooking");
        waitUntil(() -> robot.lookup("#bookingTimeline").tryQuery().isPresent()
                && !((javafx.scene.layout.GridPane) robot.lookup("#bookingTimeline").query()).getChildren().isEmpty());
        javafx.scene.layout.GridPane timeline = robot.lookup("#bookingTimeline").query();
        assertThat(timeline.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList())
                .contains("Payment service could not refund 2.50 (attempt 1): gateway_timeout: the payment gateway did not answer"
                                + " in time — Payment service",
                        "Refund of 2.50 sent to the payment service again (attempt 2, same key " + retried + ") — Olivia Ops",
                        "Payment service refunded 2.50 (attempt 2): gateway reference re_ui_0002 — Payment service");
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node n = timeline;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane scroll) {
                scroll.setVvalue(1);
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("booking-page-refund-settlement.png");
    }

    /** The window the queue's columns are sized for. */
    private void at1280x800() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // at the origin: the headless screen is 1280x800 itself, a window hanging off it cannot be painted
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        }).get(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static TableView<DisputeRow> table(FxRobot robot) {
        return robot.lookup("#disputesTable").queryAs(TableView.class);
    }
}
