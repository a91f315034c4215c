package dev.tower.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Places circle labels so that none covers another: each label tries a few spots around its circle's
 * centre, in order, and takes the first free one; a label with no free spot is left out (the list
 * still names the area). Toolkit-free: the caller measures text.
 */
public final class MapLabels {
    public record Box(double x, double y, double width, double height) {
        boolean intersects(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    public record Placed<K>(K key, String text, Box box) {}

    public record Request<K>(K key, String text, double centerX, double centerY, double radiusPixels) {}

    private MapLabels() {}

    public static <K> List<Placed<K>> place(List<Request<K>> requests, ToDoubleFunction<String> textWidth, double textHeight) {
        List<Placed<K>> placed = new ArrayList<>();
        for (Request<K> r : requests) {
            double w = textWidth.applyAsDouble(r.text()) + 6;
            double h = textHeight + 4;
            double gap = Math.max(10, Math.min(r.radiusPixels() * 0.5, 40));
            double[][] spots = {
                    {r.centerX() - w / 2, r.centerY() - h - 8},           // above the centre
                    {r.centerX() - w / 2, r.centerY() + 8},               // below
                    {r.centerX() + 10, r.centerY() - h / 2},              // right
                    {r.centerX() - w - 10, r.centerY() - h / 2},          // left
                    {r.centerX() - w / 2, r.centerY() - h - gap},         // further above
                    {r.centerX() - w / 2, r.centerY() + gap},             // further below
            };
            for (double[] s : spots) {
                Box box = new Box(s[0], s[1], w, h);
                if (placed.stream().noneMatch(p -> p.box().intersects(box))) {
                    placed.add(new Placed<>(r.key(), r.text(), box));
                    break;
                }
            }
        }
        return placed;
    }
}
