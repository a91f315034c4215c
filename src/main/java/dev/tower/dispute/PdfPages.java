package dev.tower.dispute;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small top-to-bottom text layout over PDFBox: headings, wrapped paragraphs and label/value lines on
 * US Letter pages, a new page when one is full, and a footer on every page ("Page 2 of 5", the
 * generated-at line) written once the page count is known.
 */
final class PdfPages implements AutoCloseable {
    private static final float MARGIN = 54;
    private static final float FOOTER = 40;
    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    PdfPages() throws IOException {
        newPage();
    }

    private float width() {
        return PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        pages.add(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.LETTER.getHeight() - MARGIN;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN + FOOTER) {
            newPage();
        }
    }

    void title(String text) throws IOException {
        wrapped(text, bold, 17, 0);
        y -= 6;
    }

    void heading(String text) throws IOException {
        y -= 8;
        room(40);
        wrapped(text, bold, 12.5f, 0);
        out.setLineWidth(0.6f);
        out.moveTo(MARGIN, y + 2);
        out.lineTo(MARGIN + width(), y + 2);
        out.stroke();
        y -= 6;
    }

    void paragraph(String text) throws IOException {
        wrapped(text, regular, 10, 0);
    }

    void bullet(String text) throws IOException {
        wrapped("\u2022 " + text, regular, 9.5f, 10);
    }

    /** "Label: value" with the label in bold and the value wrapped beside it. */
    void field(String label, String value) throws IOException {
        float labelWidth = 130;
        List<String> lines = wrap(value == null || value.isBlank() ? "\u2014" : value, regular, 10, width() - labelWidth);
        room(13 * lines.size());
        text(bold, 10, MARGIN, y - 10, label);
        for (String line : lines) {
            text(regular, 10, MARGIN + labelWidth, y - 10, line);
            y -= 13;
        }
    }

    private void wrapped(String text, PDType1Font font, float size, float indent) throws IOException {
        for (String line : wrap(text, font, size, width() - indent)) {
            room(size * 1.35f);
            text(font, size, MARGIN + indent, y - size, line);
            y -= size * 1.35f;
        }
    }

    private void text(PDType1Font font, float size, float x, float baseline, String line) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(line);
        out.endText();
    }

    private List<String> wrap(String text, PDType1Font font, float size, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= max || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The standard fonts encode WinAnsi only: anything else becomes '?', never an exception mid-document. */
    private String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == ' ') {
                b.append(c);
            } else if (c == '\t' || c == '\r') {
                b.append(' ');
            } else {
                b.append(encodable(c) ? c : '?');
            }
        }
        return b.toString();
    }

    private boolean encodable(char c) {
        try {
            regular.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Writes "Page n of N" and {@code footer} on every page and returns the document's bytes. */
    byte[] finish(String footer) throws IOException {
        out.close();
        out = null;
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream f = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                f.beginText();
                f.setFont(regular, 8);
                f.newLineAtOffset(MARGIN, MARGIN - 20);
                f.showText(printable(footer));
                f.endText();
                String number = "Page " + (i + 1) + " of " + total;
                f.beginText();
                f.setFont(bold, 8);
                f.newLineAtOffset(MARGIN + width() - bold.getStringWidth(number) / 1000 * 8, MARGIN - 8);
                f.showText(number);
                f.endText();
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    PDDocument document() {
        return document;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        document.close();
    }
}
