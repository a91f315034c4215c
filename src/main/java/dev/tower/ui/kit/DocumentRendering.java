package dev.tower.ui.kit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The viewer's background half: checks a document's bytes (size, SHA-256, that they decode) and
 * renders PDF pages with PDFBox, keeping the last few pages. Never called on the FX thread; never
 * throws for a bad file, it says what is wrong in {@link Opened#problem}.
 */
public final class DocumentRendering implements AutoCloseable {
    /** Largest file the viewer opens (the database's own limit on document files). */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int CACHED_PAGES = 8;
    private static final float RENDER_DPI = 110f;

    /** What opening found. {@code problem} non-null means nothing can be shown. */
    public record Opened(String problem, String hashWarning, String actualSha256, boolean pdf, int pages,
                         BufferedImage firstImage) {}

    private PDDocument pdf;
    private PDFRenderer renderer;
    private final Map<Integer, BufferedImage> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, BufferedImage> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private int renders;

    public synchronized Opened open(DocumentBytes doc) {
        closeDocument();
        if (doc.storedSize() > MAX_BYTES || (doc.content() != null && doc.content().length > MAX_BYTES)) {
            long size = Math.max(doc.storedSize(), doc.content() == null ? 0 : doc.content().length);
            return problem(String.format("This file is %.1f MB, more than the viewer's %d MB limit, so it was not opened.",
                    size / 1048576.0, MAX_BYTES / 1048576));
        }
        byte[] bytes = doc.content();
        if (bytes == null || bytes.length == 0) {
            return problem("The file for this document is missing: there are no bytes to show.");
        }
        String actual = sha256(bytes);
        String warning = actual.equalsIgnoreCase(doc.expectedSha256()) ? null
                : "These bytes do not match the SHA-256 recorded at upload (" + abbreviate(doc.expectedSha256())
                  + "); they are not the file that was uploaded.";
        boolean isPdf = startsWith(bytes, "%PDF-");
        if (isPdf) {
            try {
                pdf = Loader.loadPDF(bytes);
                renderer = new PDFRenderer(pdf);
                int pages = pdf.getNumberOfPages();
                if (pages == 0) {
                    closeDocument();
                    return problem("This PDF has no pages.");
                }
                return new Opened(null, warning, actual, true, pages, page(0));
            } catch (IOException | RuntimeException e) {
                closeDocument();
                return new Opened("This PDF cannot be read: the file is damaged or incomplete.", warning, actual, true, 0, null);
            }
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                return new Opened("This file is neither a PDF nor an image the viewer can show.", warning, actual, false, 0, null);
            }
            return new Opened(null, warning, actual, false, 1, image);
        } catch (IOException | RuntimeException e) {
            return new Opened("This image cannot be shown: the file is damaged or incomplete.", warning, actual, false, 0, null);
        }
    }

    /** Page {@code index} (0-based) of the open PDF, from the cache when it was rendered before. */
    public synchronized BufferedImage page(int index) throws IOException {
        if (renderer == null) {
            throw new IllegalStateException("No PDF is open");
        }
        BufferedImage cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        BufferedImage image = renderer.renderImageWithDPI(index, RENDER_DPI);
        renders++;
        cache.put(index, image);
        return image;
    }

    /** How many pages were rendered (not served from the cache), for tests. */
    public synchronized int renders() { return renders; }

    @Override
    public synchronized void close() { closeDocument(); }

    private void closeDocument() {
        cache.clear();
        renderer = null;
        if (pdf != null) {
            try {
                pdf.close();
            } catch (IOException ignored) {
                // nothing left to release that matters
            }
            pdf = null;
        }
    }

    private static Opened problem(String text) {
        return new Opened(text, null, null, false, 0, null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String abbreviate(String hash) {
        return hash == null || hash.length() < 12 ? String.valueOf(hash) : hash.substring(0, 12) + "…";
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
