package dev.tower.demo;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Renders the demo verification documents as real files: card-like PNGs (driver's licence, FAA remote pilot
 * certificate) drawn with Java2D, and PDFs with real text (insurance certificate, vehicle registration,
 * background check) written with PDFBox. Every file says it is a demo document.
 *
 * <p>Output is a pure function of the {@link Spec}: PNGs carry no timestamps, PDFs get a fixed creation date
 * and a document id derived from their content, so two generations store byte-identical files.
 */
final class DemoDocuments {
    /** What is printed on one document. {@code expiresOn} may be null (background checks). */
    record Spec(String kind, String family, String holderName, String businessName, String address, String number,
                String detail, String detail2, LocalDate issuedOn, LocalDate expiresOn) {}

    /** A rendered file: its bytes and their SHA-256 in lowercase hex (document_files' key). */
    record File(byte[] content, String sha256) {}

    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final String DEMO_NOTICE = "DEMO DOCUMENT - FICTIONAL DATA - NOT VALID FOR ANY PURPOSE";
    private static final Font BASE_FONT = loadFont();

    private DemoDocuments() {}

    static String contentType(String kind) {
        return switch (kind) {
            case "drivers_licence", "faa_part_107" -> "image/png";
            default -> "application/pdf";
        };
    }

    static File render(Spec spec) {
        byte[] bytes = switch (spec.kind()) {
            case "drivers_licence" -> png(spec, true);
            case "faa_part_107" -> png(spec, false);
            default -> pdf(spec);
        };
        return new File(bytes, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- PNG cards

    private static byte[] png(Spec s, boolean licence) {
        int w = 640;
        int h = 404;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Color band = licence ? new Color(22, 58, 110) : new Color(60, 72, 88);
            g.setColor(licence ? new Color(236, 243, 251) : new Color(238, 240, 243));
            g.fillRect(0, 0, w, h);
            g.setColor(licence ? new Color(214, 228, 244) : new Color(224, 228, 234));
            g.fillRect(0, h - 58, w, 58);
            g.setColor(band);
            g.fillRect(0, 0, w, 72);
            g.setColor(Color.WHITE);
            if (licence) {
                text(g, "MICHIGAN", 24, 46, 32f, true);
                text(g, "DRIVER LICENSE", 404, 32, 18f, true);
                text(g, "USA", 404, 56, 14f, false);
            } else {
                text(g, "U.S. DEPARTMENT OF TRANSPORTATION", 24, 28, 14f, true);
                text(g, "FEDERAL AVIATION ADMINISTRATION", 24, 52, 14f, false);
                text(g, "REMOTE PILOT", 462, 30, 16f, true);
                text(g, "CERTIFICATE", 462, 54, 16f, true);
            }
            // photo placeholder with a silhouette
            RoundRectangle2D photo = new RoundRectangle2D.Double(24, 92, 150, 190, 14, 14);
            g.setColor(new Color(205, 211, 220));
            g.fill(photo);
            g.setClip(photo);
            g.setColor(new Color(150, 158, 172));
            g.fill(new Ellipse2D.Double(66, 118, 66, 74));
            g.fill(new Ellipse2D.Double(44, 200, 110, 120));
            g.setClip(null);

            int x = 196;
            int y = 96;
            Color red = new Color(170, 24, 24);
            y = field(g, licence ? "DL" : "CERTIFICATE NO.", s.number(), x, y, red, 24f);
            y = field(g, "NAME", s.holderName().toUpperCase(Locale.US), x, y, Color.BLACK, 20f);
            List<String> address = splitAddress(s.address());
            y = field(g, "ADDRESS", address.get(0), x, y, Color.BLACK, 15f);
            if (address.size() > 1) {
                g.setColor(Color.BLACK);
                text(g, address.get(1), x, y + 8, 15f, true);
                y += 18;
            }
            String expires = s.expiresOn() == null ? "-" : CARD_DATE.format(s.expiresOn());
            if (licence) {
                field(g, "ISS", CARD_DATE.format(s.issuedOn()), x, y, Color.BLACK, 16f);
                field(g, "EXP", expires, x + 150, y, Color.BLACK, 16f);
                field(g, "CLASS", "D", x + 300, y, Color.BLACK, 16f);
            } else {
                field(g, "DATE OF ISSUE", CARD_DATE.format(s.issuedOn()), x, y, Color.BLACK, 16f);
                y = field(g, "RECURRENT TRAINING DUE", expires, x + 170, y, Color.BLACK, 16f);
                field(g, "RATINGS", "SMALL UNMANNED AIRCRAFT SYSTEM", x, y, Color.BLACK, 14f);
            }
            // signature and demo notice in the bottom band
            g.setColor(new Color(30, 40, 90));
            g.setStroke(new BasicStroke(1f));
            g.drawLine(24, 374, 300, 374);
            g.setFont(BASE_FONT.deriveFont(Font.PLAIN, 20f).deriveFont(AffineTransform.getShearInstance(-0.3, 0)));
            g.drawString(s.holderName(), 30, 369);
            g.setColor(new Color(190, 30, 30));
            text(g, DEMO_NOTICE, 24, 394, 11f, true);
        } finally {
            g.dispose();
        }
        return encodePng(img);
    }

    /**
     * A plain PNG (8-bit RGB, every row Sub-filtered, one zlib stream): several times faster than ImageIO's
     * writer, which tries every filter on every row, and the same bytes for the same picture.
     */
    static byte[] encodePng(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] pixels = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] raw = new byte[h * (1 + 3 * w)];
        int k = 0;
        for (int y = 0; y < h; y++) {
            raw[k++] = 1; // Sub: each byte minus the same channel of the pixel to its left
            int left = 0;
            for (int x = 0; x < w; x++) {
                int p = pixels[y * w + x];
                raw[k++] = (byte) (((p >> 16) & 0xff) - ((left >> 16) & 0xff));
                raw[k++] = (byte) (((p >> 8) & 0xff) - ((left >> 8) & 0xff));
                raw[k++] = (byte) ((p & 0xff) - (left & 0xff));
                left = p;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 8);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                idat.write(buf, 0, n);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A small grey label with its value under it; returns where the next field starts. */
    private static int field(Graphics2D g, String label, String value, int x, int y, Color color, float size) {
        g.setColor(new Color(90, 98, 110));
        text(g, label, x, y + 12, 11f, false);
        g.setColor(color);
        text(g, value, x, y + 14 + Math.round(size), size, true);
        return y + 24 + Math.round(size);
    }

    private static void text(Graphics2D g, String s, int x, int y, float size, boolean bold) {
        g.setFont(BASE_FONT.deriveFont(bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(s, x, y);
    }

    private static List<String> splitAddress(String address) {
        int comma = address.indexOf(", ");
        List<String> lines = new ArrayList<>();
        if (comma < 0) {
            lines.add(address);
        } else {
            lines.add(address.substring(0, comma));
            lines.add(address.substring(comma + 2));
        }
        return lines;
    }

    /** The PDFBox jar carries Liberation Sans: the same glyphs on every machine, no system fonts needed. */
    private static Font loadFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            // fall through to the logical font
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    // ---------------------------------------------------------------- PDFs

    private static byte[] pdf(Spec s) {
        List<String[]> rows = new ArrayList<>();
        String title;
        String subtitle;
        String body;
        switch (s.kind()) {
            case "insurance" -> {
                title = "CERTIFICATE OF LIABILITY INSURANCE";
                subtitle = s.detail();
                rows.add(new String[] {"Policy number", s.number()});
                rows.add(new String[] {"Named insured", s.holderName()});
                rows.add(new String[] {"Doing business as", s.businessName()});
                rows.add(new String[] {"Address", s.address()});
                rows.add(new String[] {"Coverage", s.detail2()});
                rows.add(new String[] {"Policy effective", LONG_DATE.format(s.issuedOn())});
                rows.add(new String[] {"Policy expires", s.expiresOn() == null ? "-" : LONG_DATE.format(s.expiresOn())});
                body = "This certificate is issued as a matter of information only and confers no rights upon the "
                        + "certificate holder. It does not amend, extend or alter the coverage afforded by the policy.";
            }
            case "vehicle_registration" -> {
                title = "STATE OF MICHIGAN - VEHICLE REGISTRATION";
                subtitle = "Secretary of State (demo)";
                rows.add(new String[] {"Plate", s.number()});
                rows.add(new String[] {"Vehicle", s.detail()});
                rows.add(new String[] {"VIN", s.detail2()});
                rows.add(new String[] {"Registered owner", s.holderName()});
                rows.add(new String[] {"Address", s.address()});
                rows.add(new String[] {"Issued", LONG_DATE.format(s.issuedOn())});
                rows.add(new String[] {"Expires", s.expiresOn() == null ? "-" : LONG_DATE.format(s.expiresOn())});
                body = "Keep this registration in the vehicle. Commercial delivery use must be covered by the "
                        + "owner's insurance.";
            }
            default -> {
                title = "BACKGROUND CHECK REPORT";
                subtitle = s.detail();
                rows.add(new String[] {"Report ID", s.number()});
                rows.add(new String[] {"Candidate", s.holderName()});
                rows.add(new String[] {"Applying as", s.businessName()});
                rows.add(new String[] {"Address", s.address()});
                rows.add(new String[] {"Completed", LONG_DATE.format(s.issuedOn())});
                rows.add(new String[] {"Result", "CLEAR"});
                rows.add(new String[] {"Checks", s.detail2()});
                body = "The candidate consented to this screening. Results reflect the records available on the "
                        + "completion date.";
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            // The standard Helvetica faces, referenced by name and never embedded. The content stream is
            // written directly: PDFBox's PDType1Font would look for a system Helvetica on every document.
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), standardFont("Helvetica"));
            fonts.setItem(COSName.getPDFName("F2"), standardFont("Helvetica-Bold"));
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            page.setResources(resources);

            float width = page.getMediaBox().getWidth();
            float left = 64;
            float top = page.getMediaBox().getHeight() - 72;
            Content cs = new Content();
            cs.fill(0.09f, 0.23f, 0.43f).rect(0, top + 20, width, 52);
            cs.fill(1f, 1f, 1f).text("F2", 18, left, top + 40, title);
            cs.fill(0.1f, 0.1f, 0.1f).text("F1", 12, left, top - 8, subtitle);
            float y = top - 48;
            for (String[] row : rows) {
                cs.text("F2", 11, left, y, row[0]);
                for (String part : wrap(row[1], 62)) {
                    cs.text("F1", 11, left + 150, y, part);
                    y -= 16;
                }
                y -= 6;
            }
            cs.stroke(0.6f, 0.6f, 0.6f).line(left, y, width - left, y);
            y -= 22;
            for (String part : wrap(body, 92)) {
                cs.text("F1", 10, left, y, part);
                y -= 14;
            }
            cs.fill(0.75f, 0.1f, 0.1f).text("F2", 10, left, 48, DEMO_NOTICE);
            page.setContents(new PDStream(doc, new ByteArrayInputStream(cs.bytes()), COSName.FLATE_DECODE));

            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title + " - " + s.holderName());
            info.setAuthor("Tower demo data");
            info.setCreator("Tower");
            info.setProducer("Tower demo data");
            GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.US);
            created.setTimeInMillis(s.issuedOn().atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
            info.setCreationDate(created);
            info.setModificationDate(created);
            // PDFBox would otherwise derive the file id from the clock
            byte[] id = sha256(String.join("|", s.kind(), s.holderName(), s.number(), s.issuedOn().toString())
                    .getBytes(StandardCharsets.UTF_8)).substring(0, 32).getBytes(StandardCharsets.US_ASCII);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().setDocumentID(ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static COSDictionary standardFont(String baseFont) {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setItem(COSName.BASE_FONT, COSName.getPDFName(baseFont));
        font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
        return font;
    }

    /** A page content stream in PDF operators, numbers printed the same way on every machine. */
    private static final class Content {
        private final StringBuilder ops = new StringBuilder(2048);

        Content fill(float r, float g, float b) {
            ops.append(num(r)).append(' ').append(num(g)).append(' ').append(num(b)).append(" rg\n");
            return this;
        }

        Content stroke(float r, float g, float b) {
            ops.append(num(r)).append(' ').append(num(g)).append(' ').append(num(b)).append(" RG\n");
            return this;
        }

        Content rect(float x, float y, float w, float h) {
            ops.append(num(x)).append(' ').append(num(y)).append(' ').append(num(w)).append(' ').append(num(h))
                    .append(" re f\n");
            return this;
        }

        Content line(float x1, float y1, float x2, float y2) {
            ops.append("0.8 w ").append(num(x1)).append(' ').append(num(y1)).append(" m ")
                    .append(num(x2)).append(' ').append(num(y2)).append(" l S\n");
            return this;
        }

        Content text(String font, float size, float x, float y, String text) {
            ops.append("BT /").append(font).append(' ').append(num(size)).append(" Tf ")
                    .append(num(x)).append(' ').append(num(y)).append(" Td (");
            for (char c : text.toCharArray()) {
                if (c == '(' || c == ')' || c == '\\') {
                    ops.append('\\').append(c);
                } else if (c >= 32 && c < 127) {
                    ops.append(c);
                } else {
                    ops.append('?'); // the demo texts are ASCII; anything else would need WinAnsi mapping
                }
            }
            ops.append(") Tj ET\n");
            return this;
        }

        byte[] bytes() {
            return ops.toString().getBytes(StandardCharsets.US_ASCII);
        }

        private static String num(float v) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
