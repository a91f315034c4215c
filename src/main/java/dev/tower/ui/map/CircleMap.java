package dev.tower.ui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A map drawn by Tower itself (no tiles, no network): circles at their true position and scale on a
 * local projection, a graticule, scale bar and north arrow, non-colliding labels, and a heat layer whose
 * cells outside every active circle stand out with their count. Pan by dragging or the arrow keys, zoom
 * with the wheel or +/- (0 fits everything). Clicking a circle selects it ({@link #selectedKeyProperty});
 * when {@link #editableProperty} is on, dragging the selected circle's centre moves it and dragging its
 * edge resizes it, and the result goes to {@link #setOnCircleEdited} — the caller confirms before saving.
 */
public final class CircleMap<K> extends Region {
    private static final double KEY_PAN_PIXELS = 60;
    private static final double ZOOM_STEP = 1.25;

    private final Canvas canvas = new Canvas();
    private final CircleMapPainter<K> painter = new CircleMapPainter<>();
    private final ObjectProperty<K> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable");
    private List<MapArea<K>> areas = List.of();
    private List<HeatCell> cells = List.of();
    private String legend = "";
    private MapProjection projection = MapProjection.fit(List.of(), 600, 400, 30);
    private boolean fitted;
    private BiConsumer<K, GeoCircle> onCircleEdited = (key, circle) -> { };

    private enum Drag { NONE, PAN, MOVE, RESIZE }

    private Drag drag = Drag.NONE;
    private double lastX;
    private double lastY;
    private GeoCircle preview;

    public CircleMap() {
        getStyleClass().add("circle-map");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 150);
        selectedKey.addListener((obs, old, now) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoom(e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.getX(), e.getY());
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    public void setAreas(List<MapArea<K>> newAreas) {
        areas = List.copyOf(newAreas);
        preview = null;
        if (!fitted && !areas.isEmpty() && getWidth() > 0) {
            fitAll();
        }
        redraw();
    }

    public void setCells(List<HeatCell> newCells) {
        cells = List.copyOf(newCells);
        redraw();
    }

    /** A line in the map's corner, e.g. how many drop-offs fall outside every area. */
    public void setLegend(String text) {
        legend = text == null ? "" : text;
        redraw();
    }

    public void setOnCircleEdited(BiConsumer<K, GeoCircle> handler) {
        onCircleEdited = handler == null ? (key, circle) -> { } : handler;
    }

    public ObjectProperty<K> selectedKeyProperty() { return selectedKey; }

    public BooleanProperty editableProperty() { return editable; }

    public MapProjection projection() { return projection; }

    /** Shows every circle. */
    public void fitAll() {
        projection = MapProjection.fit(areas.stream().map(MapArea::circle).toList(), getWidth(), getHeight(), 36);
        fitted = !areas.isEmpty();
        redraw();
    }

    public void zoom(double factor, double x, double y) {
        projection = projection.zoomAt(factor, x, y);
        redraw();
    }

    public void pan(double dx, double dy) {
        projection = projection.panBy(dx, dy);
        redraw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            projection = projection.resized(w, h);
            if (!fitted && !areas.isEmpty()) {
                fitAll();
            }
            redraw();
        }
    }

    private void redraw() {
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        painter.paint(canvas.getGraphicsContext2D(), projection, areas, cells, selectedKey.get(), preview,
                editable.get(), legend);
    }

    private List<MapHitTest.Target<K>> targets() {
        return areas.stream().map(a -> new MapHitTest.Target<>(a.key(), a.circle())).toList();
    }

    private Optional<MapArea<K>> selectedArea() {
        return areas.stream().filter(a -> a.key().equals(selectedKey.get())).findFirst();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        drag = Drag.PAN;
        Optional<MapHitTest.Hit<K>> hit = MapHitTest.at(projection, targets(), e.getX(), e.getY());
        Optional<MapArea<K>> current = selectedArea();
        if (editable.get() && current.isPresent()) {
            Optional<MapHitTest.Hit<K>> own = MapHitTest.at(projection,
                    List.of(new MapHitTest.Target<>(current.get().key(), current.get().circle())), e.getX(), e.getY());
            if (own.isPresent() && own.get().part() != MapHitTest.Part.INSIDE) {
                drag = own.get().part() == MapHitTest.Part.CENTER ? Drag.MOVE : Drag.RESIZE;
                preview = current.get().circle();
                return;
            }
        }
        hit.ifPresent(h -> selectedKey.set(h.key()));
    }

    private void dragged(MouseEvent e) {
        switch (drag) {
            case PAN -> pan(e.getX() - lastX, e.getY() - lastY);
            case MOVE -> {
                MapProjection.LatLng at = projection.toGeo(e.getX(), e.getY());
                preview = new GeoCircle(at.lat(), at.lng(), preview.radiusMiles());
                redraw();
            }
            case RESIZE -> {
                MapProjection.Point c = projection.toScreen(preview.lat(), preview.lng());
                double miles = Math.hypot(e.getX() - c.x(), e.getY() - c.y()) / projection.pixelsPerMile();
                preview = new GeoCircle(preview.lat(), preview.lng(), Math.max(1, Math.min(100, Math.round(miles))));
                redraw();
            }
            case NONE -> { }
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        Drag was = drag;
        drag = Drag.NONE;
        if ((was == Drag.MOVE || was == Drag.RESIZE) && preview != null) {
            Optional<MapArea<K>> current = selectedArea();
            GeoCircle proposed = preview;
            if (current.isPresent() && !current.get().circle().equals(proposed)) {
                onCircleEdited.accept(current.get().key(), proposed);
            } else {
                preview = null;
                redraw();
            }
        }
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> pan(KEY_PAN_PIXELS, 0);
            case RIGHT -> pan(-KEY_PAN_PIXELS, 0);
            case UP -> pan(0, KEY_PAN_PIXELS);
            case DOWN -> pan(0, -KEY_PAN_PIXELS);
            case PLUS, EQUALS, ADD -> zoom(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoom(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
            case DIGIT0, NUMPAD0 -> fitAll();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
