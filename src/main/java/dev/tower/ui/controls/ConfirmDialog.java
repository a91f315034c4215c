package dev.tower.ui.controls;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.Confirmation;
import dev.tower.ui.kit.Confirmations;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Renders a {@link Confirmation} on AtlantaFX's {@link ModalPane}: the question, the consequence in
 * plain words, a field for the typed word when the action is destructive, and Cancel / confirm (Escape
 * cancels). Ids: {@code <id>Dialog}, {@code <id>Title}, {@code <id>Consequence}, {@code <id>Typed},
 * {@code <id>Ok}, {@code <id>Cancel}.
 */
public final class ConfirmDialog extends VBox {
    private ConfirmDialog(Confirmation question, Confirmations confirmations, String id) {
        setId(id + "Dialog");
        getStyleClass().addAll("confirm-dialog", Styles.ELEVATED_2);
        setSpacing(12);
        setMaxSize(440, Region.USE_PREF_SIZE);
        setPrefWidth(440);

        Label title = new Label(question.title());
        title.setId(id + "Title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Label consequence = new Label(question.consequence());
        consequence.setId(id + "Consequence");
        consequence.setWrapText(true);
        consequence.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, consequence);

        Button ok = new Button(question.confirmLabel());
        ok.setId(id + "Ok");
        ok.getStyleClass().add(question.needsTyping() ? Styles.DANGER : Styles.ACCENT);
        ok.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId(id + "Cancel");
        cancel.setCancelButton(true);

        TextField typed = new TextField();
        if (question.needsTyping()) {
            typed.setId(id + "Typed");
            typed.setPromptText(question.typedWord());
            Label hint = new Label("Type " + question.typedWord() + " to confirm.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            getChildren().addAll(hint, typed);
            ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !question.accepts(typed.getText()), typed.textProperty()));
        }
        ok.setOnAction(e -> confirmations.confirm(typed.getText()));
        cancel.setOnAction(e -> confirmations.dismiss());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                confirmations.dismiss();
            }
        });
        HBox actions = new HBox(8, cancel, ok);
        actions.setAlignment(Pos.CENTER_RIGHT);
        getChildren().add(actions);
    }

    /** Shows each pending question on {@code modal} and hides the dialog once it is answered. */
    public static void attach(ModalPane modal, Confirmations confirmations, String id) {
        modal.setAlignment(Pos.CENTER);
        confirmations.pendingProperty().addListener((obs, old, question) -> {
            if (question == null) {
                modal.hide(true);
            } else {
                ConfirmDialog dialog = new ConfirmDialog(question, confirmations, id);
                modal.show(dialog);
                dialog.getChildren().stream().filter(n -> n instanceof TextField).findFirst()
                        .ifPresentOrElse(javafx.scene.Node::requestFocus,
                                () -> dialog.lookupAll(".button").stream().findFirst().ifPresent(javafx.scene.Node::requestFocus));
            }
        });
    }
}
