package dev.tower.ui.kit;

import java.util.List;
import java.util.Objects;

/** A table as it is exported: a name (the file's and the audit log's), column headings, rows of cell text. */
public record ExportTable(String name, List<String> columns, List<List<String>> rows) {
    public ExportTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + name + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }
}
