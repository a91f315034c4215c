package dev.tower.ui.kit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes an {@link ExportTable} as CSV (RFC 4180 via Apache Commons CSV: UTF-8, every field quoted, CRLF
 * records, quotes doubled, commas and newlines kept inside quotes).
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a carriage return as a formula
 * ("CSV injection"): such text cells get a leading apostrophe, which spreadsheets show as plain text.
 * Plain numbers ({@code -12.50}) are left alone so they stay numbers.
 */
public final class CsvExport {
    private static final Pattern NUMBER = Pattern.compile("^[-+]?\\d+(\\.\\d+)?$");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL).get();

    private CsvExport() {}

    public static void write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(safe(table.columns()));
            for (List<String> row : table.rows()) {
                printer.printRecord(safe(row));
            }
        }
    }

    /** The cell as written: formula-looking text defused, null as empty. */
    public static String safeCell(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    private static List<String> safe(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(safeCell(c));
        }
        return out;
    }
}
