package dev.tower.ui.kit;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The document viewer's state, toolkit-free: the page shown, zoom (0 = fit), rotation, which page of
 * how many, and the plain messages for a file that cannot be shown or whose hash differs. Reading
 * and rendering run in the {@link ScreenState}'s "document" lane, so a newer document or page always
 * wins over a slow older one and the UI thread never decodes anything.
 */
public final class DocumentViewerModel implements AutoCloseable {
    public static final double FIT = 0;
    private static final double[] ZOOM_STEPS = {0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4};

    private final ScreenState state;
    private final DocumentRendering rendering = new DocumentRendering();
    private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper hashWarning = new ReadOnlyStringWrapper(this, "hashWarning", "");
    private final ReadOnlyStringWrapper actualSha256 = new ReadOnlyStringWrapper(this, "actualSha256", "");
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount");
    private final IntegerProperty pageIndex = new SimpleIntegerProperty(this, "pageIndex");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", FIT);
    private final ReadOnlyIntegerWrapper rotation = new ReadOnlyIntegerWrapper(this, "rotation");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private boolean pdf;

    public DocumentViewerModel(ScreenState state) {
        this.state = Objects.requireNonNull(state);
    }

    /** Reads and checks a document off the UI thread, then shows its first page. */
    public void open(Callable<DocumentBytes> source) {
        image.set(null);
        problem.set("");
        hashWarning.set("");
        actualSha256.set("");
        pageCount.set(0);
        pageText.set("");
        rotation.set(0);
        zoom.set(FIT);
        state.run("document", "Opening document…", () -> rendering.open(source.call()), opened -> {
            pdf = opened.pdf();
            problem.set(opened.problem() == null ? "" : opened.problem());
            hashWarning.set(opened.hashWarning() == null ? "" : opened.hashWarning());
            actualSha256.set(opened.actualSha256() == null ? "" : opened.actualSha256());
            pageCount.set(opened.pages());
            pageIndex.set(0);
            image.set(opened.firstImage());
            updatePageText();
        });
    }

    public void nextPage() { goToPage(pageIndex.get() + 1); }

    public void previousPage() { goToPage(pageIndex.get() - 1); }

    public void goToPage(int index) {
        if (!pdf || index < 0 || index >= pageCount.get() || index == pageIndex.get()) {
            return;
        }
        pageIndex.set(index);
        updatePageText();
        state.run("document", "Rendering page " + (index + 1) + "…", () -> rendering.page(index), image::set);
    }

    public void zoomIn() { zoom.set(step(+1)); }

    public void zoomOut() { zoom.set(step(-1)); }

    public void fit() { zoom.set(FIT); }

    /** Zoom from fit starts at 100 %. */
    private double step(int direction) {
        double now = zoom.get() == FIT ? 1 : zoom.get();
        double best = now;
        for (double s : ZOOM_STEPS) {
            if (direction > 0 && s > now) {
                return s;
            }
            if (direction < 0 && s < now) {
                best = s;
            }
        }
        return direction > 0 ? ZOOM_STEPS[ZOOM_STEPS.length - 1] : best;
    }

    public void rotateClockwise() { rotation.set((rotation.get() + 90) % 360); }

    private void updatePageText() {
        pageText.set(pageCount.get() > 1 ? "Page " + (pageIndex.get() + 1) + " of " + pageCount.get() : "");
    }

    /** "Fit" or "150 %". */
    public String zoomText() { return zoom.get() == FIT ? "Fit" : Math.round(zoom.get() * 100) + " %"; }

    public int renders() { return rendering.renders(); }

    @Override
    public void close() { rendering.close(); }

    public ReadOnlyObjectProperty<BufferedImage> imageProperty() { return image.getReadOnlyProperty(); }

    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty hashWarningProperty() { return hashWarning.getReadOnlyProperty(); }

    public ReadOnlyStringProperty actualSha256Property() { return actualSha256.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty pageCountProperty() { return pageCount.getReadOnlyProperty(); }

    public IntegerProperty pageIndexProperty() { return pageIndex; }

    public DoubleProperty zoomProperty() { return zoom; }

    public ReadOnlyIntegerProperty rotationProperty() { return rotation.getReadOnlyProperty(); }

    public ReadOnlyStringProperty pageTextProperty() { return pageText.getReadOnlyProperty(); }
}
