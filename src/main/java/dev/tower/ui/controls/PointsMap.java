package dev.tower.ui.controls;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A small offline map of two points (pick-up A and drop-off B): an equirectangular sketch scaled to fit,
 * with a grid every 0.01 degree (about 0.7 mi), a straight line between them and a scale note. No tiles,
 * so it works without a network; enough to see direction and distance at a glance.
 */
public final class PointsMap extends Region {
    private final Canvas canvas = new Canvas();
    private double[] a;
    private double[] b;

    public PointsMap(String id) {
        setId(id);
        getChildren().add(canvas);
        setMinSize(220, 160);
        setPrefSize(320, 200);
        getStyleClass().add("points-map");
    }

    /** @param aLat may be null when there is no pick-up point; then only B is drawn */
    public void show(Double aLat, Double aLng, double bLat, double bLng) {
        a = aLat == null || aLng == null ? null : new double[] {aLat, aLng};
        b = new double[] {bLat, bLng};
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(Color.web("#eef3f7"));
        g.fillRect(0, 0, w, h);
        if (b == null || w < 10 || h < 10) {
            return;
        }
        double[] first = a == null ? b : a;
        double cosLat = Math.cos(Math.toRadians((first[0] + b[0]) / 2));
        double spanX = Math.max(Math.abs(b[1] - first[1]) * cosLat, 0.01);
        double spanY = Math.max(Math.abs(b[0] - first[0]), 0.01);
        double scale = Math.min((w - 60) / spanX, (h - 60) / spanY);
        double midLat = (first[0] + b[0]) / 2, midLng = (first[1] + b[1]) / 2;
        g.setStroke(Color.web("#d5dde5"));
        g.setLineWidth(1);
        for (double lat = Math.floor((midLat - 1) * 100) / 100; lat < midLat + 1; lat += 0.01) {
            double y = h / 2 - (lat - midLat) * scale;
            if (y >= 0 && y <= h) {
                g.strokeLine(0, y, w, y);
            }
        }
        for (double lng = Math.floor((midLng - 1) * 100) / 100; lng < midLng + 1; lng += 0.01) {
            double x = w / 2 + (lng - midLng) * cosLat * scale;
            if (x >= 0 && x <= w) {
                g.strokeLine(x, 0, x, h);
            }
        }
        double bx = w / 2 + (b[1] - midLng) * cosLat * scale, by = h / 2 - (b[0] - midLat) * scale;
        g.setFont(Font.font(12));
        if (a != null) {
            double ax = w / 2 + (a[1] - midLng) * cosLat * scale, ay = h / 2 - (a[0] - midLat) * scale;
            g.setStroke(Color.web("#0969da"));
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(ax, ay, bx, by);
            g.setLineDashes();
            dot(g, ax, ay, Color.web("#1a7f37"), "A pick-up");
        }
        dot(g, bx, by, Color.web("#cf222e"), "B drop-off");
        g.setFill(Color.web("#57606a"));
        g.fillText("grid 0.01° ≈ 0.7 mi", 8, h - 8);
    }

    private static void dot(GraphicsContext g, double x, double y, Color color, String label) {
        g.setFill(color);
        g.fillOval(x - 6, y - 6, 12, 12);
        g.setFill(Color.web("#24292f"));
        g.fillText(label, x + 9, y + 4);
    }
}
