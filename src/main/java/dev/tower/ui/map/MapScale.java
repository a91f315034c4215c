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

    static double roundDown(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        double leading = value / magnitude;
        double nice = leading >= 5 ? 5 : leading >= 2 ? 2 : 1;
        return nice * magnitude;
    }
}
