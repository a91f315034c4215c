package dev.tower.ui.map;

import java.util.List;
import java.util.Optional;

/**
 * Which circle a pointer is on, and which part: its centre handle, its edge (drag to resize), or its
 * inside. Where circles overlap the smallest one wins, so every area can be picked.
 */
public final class MapHitTest {
    /** How close to the centre or the edge, in pixels, still counts as grabbing it. */
    public static final double GRAB_PIXELS = 7;

    public enum Part { CENTER, EDGE, INSIDE }

    public record Hit<K>(K key, Part part) {}

    public record Target<K>(K key, GeoCircle circle) {}

    private MapHitTest() {}

    public static <K> Optional<Hit<K>> at(MapProjection projection, List<Target<K>> targets, double x, double y) {
        Hit<K> best = null;
        double bestRadius = Double.MAX_VALUE;
        for (Target<K> t : targets) {
            MapProjection.Point c = projection.toScreen(t.circle().lat(), t.circle().lng());
            double r = projection.milesToPixels(t.circle().radiusMiles());
            double d = Math.hypot(x - c.x(), y - c.y());
            Part part;
            if (d <= GRAB_PIXELS) {
                part = Part.CENTER;
            } else if (Math.abs(d - r) <= GRAB_PIXELS) {
                part = Part.EDGE;
            } else if (d < r) {
                part = Part.INSIDE;
            } else {
                continue;
            }
            // a centre beats an edge beats an inside; among equals the smaller circle is the more specific pick
            boolean better = best == null || rank(part) < rank(best.part())
                    || (rank(part) == rank(best.part()) && r < bestRadius);
            if (better) {
                best = new Hit<>(t.key(), part);
                bestRadius = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(Part part) {
        return switch (part) {
            case CENTER -> 0;
            case EDGE -> 1;
            case INSIDE -> 2;
        };
    }
}
