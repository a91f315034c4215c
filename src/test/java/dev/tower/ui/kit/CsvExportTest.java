package dev.tower.ui.kit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export round-trips through a CSV parser and defuses spreadsheet formulas. */
class CsvExportTest {
    @Test
    void commasQuotesNewlinesAndUnicodeRoundTripThroughAParser() throws Exception {
        ExportTable table = new ExportTable("t", List.of("Name", "Note", "Amount"), List.of(
                List.of("Smith, Jones & Co.", "said \"hi\"\nthen left", "-12.50"),
                List.of("Café Zoë ✓", "", "1000.00")));
        List<CSVRecord> records = parse(table);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsExactly("Name", "Note", "Amount");
        assertThat(records.get(1).values()).containsExactly("Smith, Jones & Co.", "said \"hi\"\nthen left", "-12.50");
        assertThat(records.get(2).values()).containsExactly("Café Zoë ✓", "", "1000.00");
    }

    @Test
    void aCellThatAFormulaWouldRunGetsALeadingApostropheButNumbersStayNumbers() throws Exception {
        ExportTable table = new ExportTable("t", List.of("=HYPERLINK(\"x\")"), List.of(
                List.of("=1+2"), List.of("+SUM(A1)"), List.of("-2+3"), List.of("@cmd"), List.of("\tTab"),
                List.of("-7"), List.of("+3.5"), List.of("plain = text")));
        List<String> cells = parse(table).stream().map(r -> r.get(0)).toList();
        assertThat(cells).containsExactly("'=HYPERLINK(\"x\")", "'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTab",
                "-7", "+3.5", "plain = text");
    }

    private static List<CSVRecord> parse(ExportTable table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(table, out);
        String text = out.toString(StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
