package dev.tower.ui.kit;

import dev.tower.ui.SyncTaskExecutor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentViewerModelTest {
    private final DocumentViewerModel viewer = new DocumentViewerModel(new ScreenState(new SyncTaskExecutor()));

    @Test
    void rendersAPdfPageByPageFromACache() throws Exception {
        byte[] pdf = pdf(3);
        viewer.open(() -> doc("licence.pdf", "application/pdf", pdf, DocumentRendering.sha256(pdf)));
        assertThat(viewer.problemProperty().get()).isEmpty();
        assertThat(viewer.hashWarningProperty().get()).isEmpty();
        assertThat(viewer.pageCountProperty().get()).isEqualTo(3);
        assertThat(viewer.pageTextProperty().get()).isEqualTo("Page 1 of 3");
        assertThat(viewer.imageProperty().get()).isNotNull();
        viewer.nextPage();
        viewer.nextPage();
        viewer.nextPage();   // past the end: stays on the last page
        assertThat(viewer.pageTextProperty().get()).isEqualTo("Page 3 of 3");
        viewer.previousPage();
        viewer.previousPage();
        assertThat(viewer.renders()).as("pages 1 and 2 came from the cache the second time").isEqualTo(3);
    }

    @Test
    void zoomFitAndRotate() {
        assertThat(viewer.zoomText()).isEqualTo("Fit");
        viewer.zoomIn();
        assertThat(viewer.zoomText()).isEqualTo("150 %");
        viewer.zoomOut();
        viewer.zoomOut();
        assertThat(viewer.zoomText()).isEqualTo("75 %");
        viewer.fit();
        assertThat(viewer.zoomText()).isEqualTo("Fit");
        for (int i = 0; i < 5; i++) {
            viewer.rotateClockwise();
        }
        assertThat(viewer.rotationProperty().get()).isEqualTo(90);
    }

    @Test
    void aCorruptPdfSaysSoInPlainWords() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage".getBytes(StandardCharsets.US_ASCII);
        viewer.open(() -> doc("broken.pdf", "application/pdf", broken, DocumentRendering.sha256(broken)));
        assertThat(viewer.problemProperty().get()).isEqualTo("This PDF cannot be read: the file is damaged or incomplete.");
        assertThat(viewer.imageProperty().get()).isNull();
    }

    @Test
    void aTruncatedPngSaysSoInPlainWords() throws Exception {
        byte[] png = png();
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        viewer.open(() -> doc("id.png", "image/png", truncated, DocumentRendering.sha256(png)));
        assertThat(viewer.problemProperty().get()).isEqualTo("This image cannot be shown: the file is damaged or incomplete.");
        assertThat(viewer.hashWarningProperty().get()).contains("do not match the SHA-256 recorded at upload");
    }

    @Test
    void bytesThatNoLongerMatchTheirHashAreShownWithAWarning() throws Exception {
        byte[] png = png();
        viewer.open(() -> doc("id.png", "image/png", png, "0".repeat(64)));
        assertThat(viewer.problemProperty().get()).isEmpty();
        assertThat(viewer.imageProperty().get()).isNotNull();
        assertThat(viewer.hashWarningProperty().get())
                .isEqualTo("These bytes do not match the SHA-256 recorded at upload (000000000000…); they are not the file that was uploaded.");
        assertThat(viewer.actualSha256Property().get()).isEqualTo(DocumentRendering.sha256(png));
    }

    @Test
    void missingAndOversizedFilesAreRefusedPlainly() {
        viewer.open(() -> doc("gone.pdf", "application/pdf", null, "ab".repeat(32)));
        assertThat(viewer.problemProperty().get()).isEqualTo("The file for this document is missing: there are no bytes to show.");
        viewer.open(() -> new DocumentBytes("huge.pdf", "application/pdf", null, "ab".repeat(32), 30L * 1024 * 1024));
        assertThat(viewer.problemProperty().get()).isEqualTo("This file is 30.0 MB, more than the viewer's 20 MB limit, so it was not opened.");
    }

    private static DocumentBytes doc(String name, String type, byte[] content, String sha) {
        return new DocumentBytes(name, type, content, sha, content == null ? 0 : content.length);
    }

    static byte[] pdf(int pages) throws Exception {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                d.addPage(new PDPage());
            }
            d.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 120; y += 4) {
            g.setColor(new Color((y * 7) % 255, (y * 3) % 255, 200));
            g.fillRect(0, y, 200, 4);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
