package dev.tower.ui.controls;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.ScreenState;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A table over a {@link KeysetList}: fixed cell size (so long lists scroll smoothly), a placeholder,
 * and a footer with the list's summary and "Load more". Moving the selection onto the last row with
 * the keyboard (Down, Page Down, End) loads the next page too. Ids: {@code <id>} for the table,
 * {@code <id>Summary}, {@code <id>LoadMore}.
 */
public final class KeysetTable<R> extends VBox {
    public static final double ROW_HEIGHT = 32;
    private final TableView<R> table = new TableView<>();

    public KeysetTable(String id, KeysetList<?, ?, R> list, ScreenState state, String emptyText) {
        table.setId(id);
        table.setItems(list.rows());
        table.setFixedCellSize(ROW_HEIGHT);
        table.getStyleClass().addAll(Styles.STRIPED, "admin-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Tables.placeholder(table, emptyText);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId(id + "Summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(list.summaryProperty());
        Button more = new Button("Load more", new FontIcon(Feather.CHEVRONS_DOWN));
        more.setId(id + "LoadMore");
        more.getStyleClass().add(Styles.SMALL);
        more.visibleProperty().bind(list.hasMoreProperty());
        more.managedProperty().bind(list.hasMoreProperty());
        more.disableProperty().bind(state.busyProperty());
        more.setOnAction(e -> list.loadMore());
        HBox footer = new HBox(8, summary, new Spacer(), more);
        footer.setAlignment(Pos.CENTER_LEFT);

        table.setOnKeyReleased(e -> {
            boolean atEnd = table.getSelectionModel().getSelectedIndex() == list.rows().size() - 1;
            if (atEnd && list.hasMore() && !state.isBusy()
                    && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.END)) {
                list.loadMore();
            }
        });
        setSpacing(6);
        getChildren().addAll(table, footer);
    }

    public TableView<R> table() { return table; }
}
