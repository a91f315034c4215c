package dev.tower.ui.map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Draws one frame of a {@link CircleMap}: background, graticule, heat layer, circles, labels, furniture. */
final class CircleMapPainter<K> {
    private static final Color LAND = Color.web("#f4f1ea");
    private static final Color GRID = Color.web("#d9d3c7");
    private static final Color GRID_TEXT = Color.web("#8a8276");
    private static final Color HEAT = Color.web("#3b6fb6");
    private static final Color OUTSIDE = Color.web("#d9480f");
    private static final Color AREA = Color.web("#2f9e44");
    private static final Color INACTIVE = Color.web("#868e96");
    private static final Color SELECTED = Color.web("#7048e8");
    private static final Color INK = Color.web("#212529");
    private static final Font LABEL = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", 11);
    private static final int MAX_OUTSIDE_LABELS = 12;

    void paint(GraphicsContext g, MapProjection p, List<MapArea<K>> areas, List<HeatCell> cells, K selected,
               GeoCircle preview, boolean editable, String legend) {
        double w = p.width();
        double h = p.height();
        g.setFill(LAND);
        g.fillRect(0, 0, w, h);
        graticule(g, p);
        List<MapLabels.Box> taken = new ArrayList<>();
        heat(g, p, cells, taken);
        circles(g, p, areas, selected, preview, editable);
        labels(g, p, areas, selected, preview, taken);
        scaleBar(g, p, legend.isEmpty() ? 22 : 58);
        northArrow(g, w);
        legend(g, w, h, legend);
    }

    private void graticule(GraphicsContext g, MapProjection p) {
        double step = MapScale.graticuleStep(p, 110);
        MapProjection.LatLng topLeft = p.toGeo(0, 0);
        MapProjection.LatLng bottomRight = p.toGeo(p.width(), p.height());
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.setFont(SMALL);
        g.setFill(GRID_TEXT);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (double lat = Math.ceil(bottomRight.lat() / step) * step; lat <= topLeft.lat(); lat += step) {
            double y = p.toScreen(lat, topLeft.lng()).y();
            g.strokeLine(0, y, p.width(), y);
            if (y > 20) { // clear of the meridians' labels along the top
                g.fillText(degrees(lat, step, "N", "S"), 4, y + 2);
            }
        }
        double lngStep = MapScale.meridianStep(p, 80);
        for (double lng = Math.ceil(topLeft.lng() / lngStep) * lngStep; lng <= bottomRight.lng(); lng += lngStep) {
            double x = p.toScreen(topLeft.lat(), lng).x();
            g.strokeLine(x, 0, x, p.height());
            if (x > 60) { // clear of the parallels' labels down the left
                g.fillText(degrees(lng, lngStep, "E", "W"), x + 3, 4);
            }
        }
    }

    private static String degrees(double value, double step, String positive, String negative) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f°%s", Math.abs(value), value >= 0 ? positive : negative);
    }

    private void heat(GraphicsContext g, MapProjection p, List<HeatCell> cells, List<MapLabels.Box> taken) {
        long max = cells.stream().mapToLong(HeatCell::count).max().orElse(1);
        for (HeatCell c : cells) {
            MapProjection.Point a = p.toScreen(c.lat() + c.heightDegrees() / 2, c.lng() - c.widthDegrees() / 2);
            MapProjection.Point b = p.toScreen(c.lat() - c.heightDegrees() / 2, c.lng() + c.widthDegrees() / 2);
            double intensity = Math.sqrt((double) c.count() / max);
            g.setFill(HEAT.deriveColor(0, 1, 1, 0.08 + 0.55 * intensity));
            g.fillRect(a.x(), a.y(), Math.max(1, b.x() - a.x()), Math.max(1, b.y() - a.y()));
            if (c.outside() > 0) {
                g.setFill(OUTSIDE.deriveColor(0, 1, 1, 0.25 + 0.6 * Math.sqrt((double) c.outside() / max)));
                g.fillRect(a.x(), a.y(), Math.max(2, b.x() - a.x()), Math.max(2, b.y() - a.y()));
            }
        }
        // the biggest pockets of demand no area covers get their count written beside them
        List<HeatCell> outside = cells.stream().filter(c -> c.outside() > 0)
                .sorted(Comparator.comparingLong(HeatCell::outside).reversed()).limit(MAX_OUTSIDE_LABELS).toList();
        g.setFont(SMALL);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        for (HeatCell c : outside) {
            MapProjection.Point at = p.toScreen(c.lat(), c.lng());
            String text = String.valueOf(c.outside());
            double tw = textWidth(text, SMALL) + 10;
            MapLabels.Box box = new MapLabels.Box(at.x() - tw / 2, at.y() - 9, tw, 18);
            if (taken.stream().anyMatch(t -> intersects(t, box))) {
                continue;
            }
            taken.add(box);
            g.setFill(OUTSIDE);
            g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 9, 9);
            g.setFill(Color.WHITE);
            g.fillText(text, at.x(), at.y());
        }
    }

    private void circles(GraphicsContext g, MapProjection p, List<MapArea<K>> areas, K selected, GeoCircle preview,
                         boolean editable) {
        for (MapArea<K> a : areas) {
            boolean isSelected = a.key().equals(selected);
            GeoCircle circle = isSelected && preview != null ? preview : a.circle();
            MapProjection.Point c = p.toScreen(circle.lat(), circle.lng());
            double r = p.milesToPixels(circle.radiusMiles());
            Color color = isSelected ? SELECTED : a.active() ? AREA : INACTIVE;
            // translucent fills add up where circles overlap, so overlaps read as darker
            g.setFill(color.deriveColor(0, 1, 1, a.active() ? 0.16 : 0.06));
            g.fillOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
            g.setStroke(color);
            g.setLineWidth(isSelected ? 3 : 1.6);
            g.setLineDashes(a.active() ? null : new double[] {6, 5});
            g.strokeOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
            g.setLineDashes((double[]) null);
            g.setFill(color);
            g.fillOval(c.x() - 3, c.y() - 3, 6, 6);
            if (isSelected && editable) {
                handle(g, c.x(), c.y());
                handle(g, c.x() + r, c.y());
            }
        }
    }

    private static void handle(GraphicsContext g, double x, double y) {
        g.setFill(Color.WHITE);
        g.fillOval(x - 6, y - 6, 12, 12);
        g.setStroke(SELECTED);
        g.setLineWidth(2);
        g.strokeOval(x - 6, y - 6, 12, 12);
    }

    private void labels(GraphicsContext g, MapProjection p, List<MapArea<K>> areas, K selected, GeoCircle preview,
                        List<MapLabels.Box> taken) {
        List<MapLabels.Request<K>> requests = new ArrayList<>();
        // the selected area is placed first so it always gets its label, then the larger ones
        areas.stream().sorted(Comparator.<MapArea<K>>comparingInt(a -> a.key().equals(selected) ? 0 : 1)
                        .thenComparing(a -> -a.circle().radiusMiles()))
                .forEach(a -> {
                    GeoCircle circle = a.key().equals(selected) && preview != null ? preview : a.circle();
                    MapProjection.Point c = p.toScreen(circle.lat(), circle.lng());
                    requests.add(new MapLabels.Request<>(a.key(), a.label() + (a.active() ? "" : " (inactive)"),
                            c.x(), c.y(), p.milesToPixels(circle.radiusMiles())));
                });
        List<MapLabels.Placed<K>> placed = MapLabels.place(requests, t -> textWidth(t, LABEL), 14);
        g.setFont(LABEL);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (MapLabels.Placed<K> l : placed) {
            MapLabels.Box b = l.box();
            g.setFill(Color.rgb(255, 255, 255, 0.82));
            g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 6, 6);
            g.setFill(l.key().equals(selected) ? SELECTED : INK);
            g.fillText(l.text(), b.x() + 3, b.y() + 2);
        }
    }

    private void scaleBar(GraphicsContext g, MapProjection p, double fromBottom) {
        MapScale.Bar bar = MapScale.bar(p, 140);
        double x = 16;
        double y = p.height() - fromBottom;
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x - 8, y - 22, bar.pixels() + 16, 34, 6, 6);
        g.setStroke(INK);
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(x, y, x + bar.pixels(), y);
        g.strokeLine(x, y - 5, x, y + 5);
        g.strokeLine(x + bar.pixels(), y - 5, x + bar.pixels(), y + 5);
        g.setFill(INK);
        g.setFont(SMALL);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(bar.label(), x, y - 5);
    }

    private void northArrow(GraphicsContext g, double w) {
        double x = w - 30;
        double y = 18;
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillOval(x - 16, y - 4, 32, 44);
        g.setFill(INK);
        g.fillPolygon(new double[] {x, x - 8, x + 8}, new double[] {y + 4, y + 24, y + 24}, 3);
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText("N", x, y + 24);
    }

    private void legend(GraphicsContext g, double w, double h, String legend) {
        if (legend.isEmpty()) {
            return;
        }
        double tw = textWidth(legend, SMALL) + 30;
        double x = Math.max(8, w - tw - 12);
        double y = h - 34;
        g.setFill(Color.rgb(255, 255, 255, 0.9));
        g.fillRoundRect(x, y, tw, 24, 6, 6);
        g.setFill(OUTSIDE);
        g.fillRoundRect(x + 8, y + 7, 12, 10, 3, 3);
        g.setFill(INK);
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(legend, x + 24, y + 12);
    }

    private static boolean intersects(MapLabels.Box a, MapLabels.Box b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
