package dev.tower.ui.map;

/** The scale bar's length and the graticule's spacing, in round numbers. */
public final class MapScale {
    private MapScale() {}

    /** A bar of 1, 2 or 5 × 10^k miles, the longest that fits in {@code maxPixels}. */
    public record Bar(double miles, double pixels, String label) {}

    public static Bar bar(MapProjection projection, double maxPixels) {
        double maxMiles = maxPixels / projection.pixelsPerMile();
        double miles = roundDown(maxMiles);
        String label = miles >= 1 ? (long) miles + (miles == 1 ? " mile" : " miles")
                : (miles >= 0.1 ? String.format(java.util.Locale.ROOT, "%.1f mi", miles)
                : String.format(java.util.Locale.ROOT, "%.2f mi", miles));
        return new Bar(miles, projection.milesToPixels(miles), label);
    }

    /** Degrees between graticule lines so they fall roughly {@code targetPixels} apart. */
    public static double graticuleStep(MapProjection projection, double targetPixels) {
        double degrees = targetPixels / (projection.pixelsPerMile() * MapProjection.MILES_PER_DEGREE);
        return Math.min(30, roundDown(degrees));
    }

    /**
     * The same for meridians, at least {@code minPixels} apart: a degree of longitude is shorter than one
     * of latitude away from the equator, and their labels must not run into each other.
     */
    public static double meridianStep(MapProjection projection, double minPixels) {
        double pixelsPerDegree = projection.pixelsPerMile() * MapProjection.MILES_PER_DEGREE
                * Math.cos(Math.toRadians(projection.referenceLat()));
        double step = roundDown(minPixels / pixelsPerDegree);
        return Math.min(30, step * pixelsPerDegree < minPixels ? nextUp(step) : step);
    }

    private static double nextUp(double nice) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(nice) + 1e-9));
        double leading = Math.round(nice / magnitude);
        return leading >= 5 ? 10 * magnitude : leading >= 2 ? 5 * magnitude : 2 * magnitude;
    }

    static double roundDown(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        double leading = value / magnitude;
        double nice = leading >= 5 ? 5 : leading >= 2 ? 2 : 1;
        return nice * magnitude;
    }
}
