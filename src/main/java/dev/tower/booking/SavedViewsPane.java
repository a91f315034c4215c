package dev.tower.booking;

import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.Buttons;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The saved views beside the browser: one click applies a view; below, save the current filters as a view. */
final class SavedViewsPane extends VBox {
    SavedViewsPane(SavedViewsModel model) {
        super(8);
        setId("savedViewsPane");
        setPrefWidth(190);
        setMinWidth(170);
        Label title = new Label("Saved views");
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<SavedViewsModel.Line> list = new ListView<>(model.lines());
        list.setId("savedViews");
        list.setPlaceholder(new Label("No saved views yet."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedViewsModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.label());
                setWrapText(true);
                setPrefWidth(0); // wrap long names instead of scrolling sideways
            }
        });
        // one click applies the view
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line != null) {
                model.apply(line);
            }
        });
        setVgrow(list, Priority.ALWAYS);
        Button delete = new Button("Delete view");
        delete.setId("deleteSavedView");
        delete.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty()
                .map(l -> !l.view().mine()).orElse(true));
        delete.setOnAction(e -> model.delete(list.getSelectionModel().getSelectedItem()));

        TextField name = new TextField();
        name.setId("savedViewName");
        name.setPromptText("Name the current filters");
        name.textProperty().bindBidirectional(model.name().textProperty());
        CheckBox share = new CheckBox("Share with my role");
        share.setId("shareSavedView");
        share.selectedProperty().bindBidirectional(model.shareWithRoleProperty());
        Button save = Buttons.of("saveView", model.saveCommand(), Feather.BOOKMARK);
        name.setOnAction(e -> model.saveCommand().execute());
        getChildren().addAll(title, list, delete, name, share, save);
    }
}
