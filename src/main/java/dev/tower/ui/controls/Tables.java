package dev.tower.ui.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The small pieces every list screen's table needs, written once. */
public final class Tables {
    private Tables() {
    }

    /** A read-only text column; {@code minWidth} keeps short values from being cut to "…". */
    public static <T> TableColumn<T, String> textColumn(String title, double width, double minWidth, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        return column;
    }

    /**
     * A text column whose cells show their whole text in a tooltip, for values (reasons, names) that a
     * narrow window cuts to "…": the column can stay narrow without hiding anything.
     */
    public static <T> TableColumn<T, String> tooltipColumn(String title, double width, double minWidth, Function<T, String> text) {
        TableColumn<T, String> column = textColumn(title, width, minWidth, text);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                boolean blank = empty || value == null || value.isBlank();
                setText(empty ? null : value);
                setTooltip(blank ? null : new Tooltip(value));
            }
        });
        return column;
    }

    /** What an empty table says, in muted text. */
    public static void placeholder(TableView<?> table, String text) {
        Label empty = new Label(text);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
    }

    /**
     * Keeps the table's selection and the ViewModel's selected item the same both ways, so the ViewModel
     * owns the selection (and its tests need no table) while clicks still drive it.
     */
    public static <T> void bindSelection(TableView<T> table, ObjectProperty<T> selected) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != selected.get()) {
                selected.set(now);
            }
        });
        selected.addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }
}
