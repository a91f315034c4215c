package dev.tower.provider;

import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in the real window as demo_admin: find a pending provider in the queue, look at its
 * documents in the viewer, accept each (buttons and keyboard), verify it. Saves screenshots.
 */
class ProviderVerificationUiTest extends ConsoleUiTest {
    private final ProviderFixtures fixtures = new ProviderFixtures(TestRows.in(TestDatabase.get()));

    @Test
    void acceptTheDocumentsAndVerifyAProviderEndToEnd(FxRobot robot) throws Exception {
        String tag = "Ui" + System.nanoTime();
        UUID provider = fixtures.droneProvider(tag + " Skyline Aerial");
        fixtures.document(provider, "faa_part_107", LocalDate.now().plusDays(12), pdf("FAA Part 107 Remote Pilot", 2),
                "application/pdf", "part107.pdf");
        fixtures.document(provider, "insurance", LocalDate.now().plusYears(1), png(), "image/png", "insurance.png");
        fixtures.document(provider, "background_check", null, pdf("Background check: clear", 1),
                "application/pdf", "background.pdf");
        TestRows rows = TestRows.in(TestDatabase.get());
        rows.update("""
                INSERT INTO provider_schedules (provider_id, day_of_week, start_time, end_time, break_start_time, break_end_time)
                SELECT ?, d, '08:00', '17:00', '12:00', '12:30' FROM generate_series(1, 5) d""", provider);
        rows.listing(provider, "aerial_imaging", "Roof inspection", "Aerial photos of the roof", new java.math.BigDecimal("149.00"));
        rows.listing(provider, "site_mapping", "Acreage survey", "Orthomosaic map", new java.math.BigDecimal("420.00"));
        rows.update("""
                INSERT INTO provider_payout_details (provider_id, bank_account_pgp, bank_account_mask, tax_id_pgp, tax_id_mask)
                VALUES (?, tower_internal.seal_for_payments('000111222333'), tower_internal.payout_mask('000111222333'),
                        tower_internal.seal_for_payments('12-3456789'), tower_internal.payout_mask('12-3456789'))""", provider);
        UUID broken = fixtures.droneProvider(tag + " Broken Files");
        byte[] png = png();
        fixtures.document(broken, "insurance", null, Arrays.copyOf(png, png.length / 2), "image/png", "truncated.png");

        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-providers");
        waitFor(robot, "#providerSearch");
        // the first page must be in (its busy overlay covers the filters while it loads)
        waitUntil(() -> !text(robot, "#providerQueueSummary").isEmpty());
        robot.clickOn("#providerSearch").write(tag).push(KeyCode.ENTER);
        waitUntil(() -> queue(robot).getItems().size() == 2);
        assertThat(text(robot, "#shortcutHelp")).contains("J next provider").contains("A accept document");

        // the broken one first: the viewer says what is wrong and the app stays responsive
        robot.clickOn(robot.lookup(tag + " Broken Files").<javafx.scene.Node>query());
        waitUntil(() -> robot.lookup("#documentViewerProblem").query().isVisible());
        assertThat(text(robot, "#documentViewerProblem")).isEqualTo("This image cannot be shown: the file is damaged or incomplete.");
        screenshot("provider-viewer-truncated.png");

        robot.clickOn(robot.lookup(tag + " Skyline Aerial").<javafx.scene.Node>query());
        waitUntil(() -> text(robot, "#providerName").startsWith(tag + " Skyline Aerial"));
        waitUntil(() -> robot.lookup("#documentViewerImage").<ImageView>query().getImage() != null);
        assertThat(text(robot, "#providerContact")).contains("Bank account •••• 2333  ·  Tax ID •••• 6789")
                .doesNotContain("000111222333");
        javafx.scene.control.TabPane more = robot.lookup("#providerMore").query();
        assertThat(more.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("Decisions", "Week", "Listings");
        robot.interact(() -> more.getSelectionModel().select(2));
        assertThat(robot.lookup("#providerListings").<javafx.scene.control.ListView<ProviderListing>>query().getItems()).hasSize(2);
        screenshot("provider-page-listings.png");
        robot.interact(() -> more.getSelectionModel().select(1));
        assertThat(robot.lookup("#providerSchedule").<javafx.scene.control.ListView<ScheduleDay>>query().getItems()).hasSize(5);
        screenshot("provider-page-schedule.png");
        robot.interact(() -> more.getSelectionModel().select(0));
        assertThat(text(robot, "#documentViewerPage")).isEqualTo("Page 1 of 2");
        robot.clickOn("#documentViewerNext");
        waitUntil(() -> text(robot, "#documentViewerPage").equals("Page 2 of 2"));
        screenshot("provider-page-pdf.png");

        robot.clickOn("#acceptDocumentButton");
        waitUntil(() -> text(robot, "#providerPageNoticeText").equals("Document accepted."));
        // the rest with the keyboard: the next pending document is selected after each decision
        robot.clickOn(robot.lookup(tag + " Skyline Aerial").<javafx.scene.Node>query());   // focus the queue
        robot.push(KeyCode.A);
        waitUntil(() -> fixturesDecided(provider) == 2);
        robot.clickOn(robot.lookup(tag + " Skyline Aerial").<javafx.scene.Node>query());
        robot.push(KeyCode.A);
        waitUntil(() -> fixturesDecided(provider) == 3);
        robot.clickOn(robot.lookup(tag + " Skyline Aerial").<javafx.scene.Node>query());
        robot.push(KeyCode.V);
        waitUntil(() -> text(robot, "#providerPageNoticeText").equals("Provider verified."));
        assertThat(text(robot, "#providerName")).contains("verified");
        screenshot("provider-verified.png");

        robot.clickOn("#tab-needs-reverification");
        robot.clickOn("#tab-pending");
        waitUntil(() -> queue(robot).getItems().size() == 1);
        screenshot("provider-queue.png");
    }

    private static long fixturesDecided(UUID provider) throws Exception {
        try (var c = TestDatabase.get().superuser().getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM provider_documents WHERE provider_id = ? AND decision = 'approved'")) {
            ps.setObject(1, provider);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<QueueRow> queue(FxRobot robot) {
        return robot.lookup("#providerQueue").query();
    }

    static byte[] pdf(String title, int pages) throws Exception {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                d.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(d, page)) {
                    s.beginText();
                    s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 22);
                    s.newLineAtOffset(72, 700);
                    s.showText(title + " — page " + i);
                    s.endText();
                    s.addRect(72, 400, 300, 200);
                    s.stroke();
                }
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235, 240, 250));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new Color(40, 70, 140));
        g.fillRect(0, 0, 640, 60);
        g.setColor(Color.WHITE);
        g.drawString("CERTIFICATE OF INSURANCE", 20, 36);
        g.setColor(Color.DARK_GRAY);
        for (int y = 100; y < 380; y += 30) {
            g.drawLine(20, y, 600, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
