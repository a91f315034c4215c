package dev.tower.ui.controls;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.DocumentViewerModel;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Shows a {@link DocumentViewerModel}: the page or image (fit, zoom, rotate), PDF page controls, and
 * the model's plain messages for a file that cannot be shown or whose SHA-256 differs. Ids derive from
 * {@code id}: {@code <id>Image}, {@code <id>Problem}, {@code <id>HashWarning}, {@code <id>Page},
 * {@code <id>ZoomIn}, {@code <id>ZoomOut}, {@code <id>Fit}, {@code <id>Rotate}, {@code <id>Next}, {@code <id>Previous}.
 */
public final class DocumentViewer extends VBox {
    public DocumentViewer(String id, DocumentViewerModel model) {
        setId(id);
        getStyleClass().add("document-viewer");
        ImageView image = new ImageView();
        image.setId(id + "Image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        model.imageProperty().addListener((obs, old, now) -> image.setImage(now == null ? null : SwingFXUtils.toFXImage(now, null)));
        image.rotateProperty().bind(model.rotationProperty());

        ScrollPane scroll = new ScrollPane(new StackPane(new Group(image)));
        scroll.setPannable(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Runnable size = () -> {
            if (image.getImage() == null) {
                return;
            }
            boolean sideways = model.rotationProperty().get() % 180 != 0;
            double w = image.getImage().getWidth();
            double h = image.getImage().getHeight();
            if (model.zoomProperty().get() == DocumentViewerModel.FIT) {
                double availW = Math.max(50, scroll.getViewportBounds().getWidth() - 4);
                double availH = Math.max(50, scroll.getViewportBounds().getHeight() - 4);
                double scale = sideways ? Math.min(availW / h, availH / w) : Math.min(availW / w, availH / h);
                image.setFitWidth(w * scale);
            } else {
                image.setFitWidth(w * model.zoomProperty().get());
            }
        };
        image.imageProperty().addListener((o, a, b) -> size.run());
        model.zoomProperty().addListener((o, a, b) -> size.run());
        model.rotationProperty().addListener((o, a, b) -> size.run());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> size.run());

        Label problem = message(id + "Problem", model.problemProperty(), Styles.DANGER);
        Label hash = message(id + "HashWarning", model.hashWarningProperty(), Styles.WARNING);
        Label page = new Label();
        page.setId(id + "Page");
        page.textProperty().bind(model.pageTextProperty());
        page.setMinWidth(Label.USE_PREF_SIZE);
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(model::zoomText, model.zoomProperty()));
        zoom.getStyleClass().add(Styles.TEXT_MUTED);
        zoom.setMinWidth(Label.USE_PREF_SIZE);
        Button previous = tool(id + "Previous", Feather.CHEVRON_LEFT, "Previous page", model::previousPage);
        Button next = tool(id + "Next", Feather.CHEVRON_RIGHT, "Next page", model::nextPage);
        previous.visibleProperty().bind(model.pageCountProperty().greaterThan(1));
        next.visibleProperty().bind(model.pageCountProperty().greaterThan(1));
        HBox tools = new HBox(6,
                tool(id + "ZoomOut", Feather.ZOOM_OUT, "Zoom out", model::zoomOut),
                tool(id + "ZoomIn", Feather.ZOOM_IN, "Zoom in", model::zoomIn),
                tool(id + "Fit", Feather.MAXIMIZE, "Fit to the panel", model::fit),
                tool(id + "Rotate", Feather.ROTATE_CW, "Rotate clockwise", model::rotateClockwise),
                zoom, new Spacer(), previous, page, next);
        tools.setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        getChildren().addAll(tools, problem, hash, scroll);
    }

    private static Label message(String id, javafx.beans.value.ObservableStringValue text, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Button tool(String id, Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
