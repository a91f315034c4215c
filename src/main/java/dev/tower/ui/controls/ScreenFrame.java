package dev.tower.ui.controls;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.Confirmations;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The frame every feature screen sits in: a title and a toolbar, the error banner (details collapsed),
 * the notice line, the content under a busy overlay with progress and Cancel, and a modal layer for
 * confirmations and toasts. Bound to one {@link ScreenState}; leaving the screen (the frame leaves its
 * scene) clears the screen's messages, and each show runs {@code onShow} (usually a reload).
 *
 * <p>Ids derive from {@code id}: {@code <id>Error}, {@code <id>Notice}, {@code <id>Progress},
 * {@code <id>Title}, {@code <id>Toolbar}; a {@link #summary} line takes the id it is given.
 */
public final class ScreenFrame extends StackPane {
    private final ModalPane modal = new ModalPane();
    private final HBox toolbar = new HBox(8);
    private final HBox top;
    private final BorderPane body = new BorderPane();
    private final BusyOverlay overlay;
    private final String id;

    public ScreenFrame(String id, String title, ScreenState state, Node content) {
        this.id = id;
        setId(id + "Frame");
        getStyleClass().add("screen-frame");
        Label heading = new Label(title);
        heading.setId(id + "Title");
        heading.getStyleClass().add(Styles.TITLE_3);
        toolbar.setId(id + "Toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        top = new HBox(12, heading, new Spacer(), toolbar);
        top.setAlignment(Pos.CENTER_LEFT);
        if (title.isEmpty()) {
            top.getChildren().remove(heading);
        }

        ErrorBanner error = new ErrorBanner(id + "Error");
        error.bind(state.errorProperty());
        SuccessNotice notice = new SuccessNotice(id + "Notice");
        notice.bind(state.noticeProperty());
        VBox header = new VBox(10, top, error, notice);
        header.getStyleClass().add("screen-frame-header");

        overlay = new BusyOverlay(id + "Progress", content);
        overlay.bind(state);
        body.setTop(header);
        body.setCenter(overlay);
        BorderPane.setMargin(overlay, new javafx.geometry.Insets(10, 0, 0, 0));
        getChildren().addAll(body, modal);
        modal.setPersistent(true);
        // a hidden modal layer must never take the clicks meant for the screen under it
        modal.mouseTransparentProperty().bind(modal.displayProperty().not());

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                state.left();
                modal.hide(true);
            }
        });
    }

    /**
     * A bold line left of the toolbar that sums the screen up ("3 pending migrations"), bound to the
     * ViewModel; for screens whose title the shell already shows, it stands where the title would.
     */
    public ScreenFrame summary(String summaryId, ObservableStringValue text) {
        Label summary = new Label();
        summary.setId(summaryId);
        summary.textProperty().bind(text);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        top.getChildren().add(top.getChildren().size() - 2, summary); // before the spacer and the toolbar
        return this;
    }

    /** Adds buttons (or any controls) to the toolbar, right of the title. */
    public ScreenFrame tools(Node... nodes) {
        toolbar.getChildren().addAll(nodes);
        return this;
    }

    /** Runs {@code action} each time the screen is shown. */
    public ScreenFrame onEachShow(Runnable action) {
        ViewLifecycle.onEachShow(this, action);
        return this;
    }

    /** Shows each question the ViewModel asks as a dialog on this frame's modal layer. */
    public ScreenFrame confirmations(Confirmations confirmations) {
        ConfirmDialog.attach(modal, confirmations, id + "Confirm");
        return this;
    }

    /** A short message that appears bottom-right and goes away by itself. */
    public void toast(String text) {
        Toasts.show(this, text);
    }

    public ModalPane modalPane() { return modal; }

    public Node content() { return overlay; }
}
