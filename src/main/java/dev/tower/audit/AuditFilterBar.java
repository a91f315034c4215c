package dev.tower.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Fields;
import javafx.geometry.Pos;
import javafx.scene.Node;
import dev.tower.ui.controls.Buttons;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import dev.tower.error.ValidationException;
import dev.tower.ui.kit.TypedDates;
import java.time.LocalDate;
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
                return name == null || name.equals(AuditViewModel.ANY_ACTION) ? "Any action" : AuditWording.action(name);
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

        DatePicker from = date("auditFromFilter", "From", viewModel);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = date("auditToFilter", "To", viewModel);
        to.valueProperty().bindBidirectional(viewModel.toProperty());

        Button search = Buttons.accent("auditSearchButton", viewModel.searchCommand(), Feather.SEARCH);
        search.setDefaultButton(true);
        Button clear = Buttons.styled("auditClearButton", viewModel.clearCommand(), null, Styles.FLAT);

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

    /** Typed dates are read in the usual forms; anything else is refused in the banner, not dropped. */
    private static DatePicker date(String id, String label, AuditViewModel viewModel) {
        DatePicker picker = new DatePicker();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return TypedDates.parse(label, text);
                } catch (ValidationException refused) {
                    viewModel.refuseInput(refused);
                    return null;
                }
            }
        });
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
