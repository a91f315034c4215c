package dev.tower.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Fields;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Audit screen's filters: a row of labelled fields (wrapping on narrow windows), then a row with
 * Search and Clear on the left and whatever the screen puts on the right.
 */
final class AuditFilterBar extends VBox {
    AuditFilterBar(AuditViewModel viewModel, Node trailing) {
        setId("auditFilters");
        getStyleClass().add("filter-bar");
        setSpacing(10);

        TextField actor = text("auditActorFilter", "any login", 120);
        actor.textProperty().bindBidirectional(viewModel.actorProperty());

        ComboBox<String> action = new ComboBox<>(viewModel.actionChoices());
        action.setId("auditActionFilter");
        action.setPrefWidth(190);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.equals(AuditViewModel.ANY_ACTION) ? "Any action" : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        action.valueProperty().bindBidirectional(viewModel.actionProperty());

        TextField table = text("auditTableFilter", "any table", 130);
        table.textProperty().bindBidirectional(viewModel.tableProperty());
        TextField record = text("auditRecordFilter", "any record", 110);
        record.textProperty().bindBidirectional(viewModel.recordIdProperty());

        DatePicker from = date("auditFromFilter");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = date("auditToFilter");
        to.valueProperty().bindBidirectional(viewModel.toProperty());

        Button search = new Button("Search", new FontIcon(Feather.SEARCH));
        search.setId("auditSearchButton");
        search.getStyleClass().add(Styles.ACCENT);
        search.setDefaultButton(true);
        search.disableProperty().bind(viewModel.canSearchProperty().not());
        search.setOnAction(e -> viewModel.search());
        Button clear = new Button("Clear");
        clear.setId("auditClearButton");
        clear.getStyleClass().add(Styles.FLAT);
        clear.disableProperty().bind(viewModel.canSearchProperty().not());
        clear.setOnAction(e -> viewModel.clearFilters());

        FlowPane fields = new FlowPane(10, 8, labelled("Actor", actor), labelled("Action", action), labelled("Table", table),
                labelled("Record", record), labelled("From", from), labelled("To", to));
        HBox actions = new HBox(8, search, clear, new Spacer(), trailing);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(fields, actions);
    }

    private static TextField text(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        return field;
    }

    private static DatePicker date(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(140);
        picker.setPromptText("any day");
        return picker;
    }

    private static VBox labelled(String label, Node field) {
        VBox box = new VBox(2, Fields.label(label, field), field);
        box.getStyleClass().add("filter-field");
        return box;
    }
}
