package dev.tower.ui.map;

/**
 * Where a point of the Earth lands on the map, and back: a local equirectangular projection whose
 * east-west scale is shrunk by cos(reference latitude), so that at city scale a mile is the same length
 * in every direction and a service area's circle is drawn as a circle. Immutable; panning and zooming
 * return a new projection. No toolkit: tests use it without JavaFX.
 *
 * @param referenceLat  latitude whose east-west scale the map uses; kept while panning so the map
 *                      does not stretch as it moves (set again by {@link #fit})
 * @param centerLat     latitude at the middle of the viewport
 * @param centerLng     longitude at the middle of the viewport
 * @param pixelsPerMile zoom
 * @param width         viewport width in pixels
 * @param height        viewport height in pixels
 */
public record MapProjection(double referenceLat, double centerLat, double centerLng, double pixelsPerMile, double width, double height) {
    /** Miles per degree of latitude (and of longitude at the equator), from the mean Earth radius. */
    public static final double MILES_PER_DEGREE = GeoCircle.EARTH_RADIUS_MILES * Math.PI / 180;
    public static final double MIN_PIXELS_PER_MILE = 0.05;
    public static final double MAX_PIXELS_PER_MILE = 2000;

    public record Point(double x, double y) {}

    public record LatLng(double lat, double lng) {}

    public MapProjection {
        pixelsPerMile = Math.max(MIN_PIXELS_PER_MILE, Math.min(MAX_PIXELS_PER_MILE, pixelsPerMile));
        referenceLat = Math.max(-85, Math.min(85, referenceLat));
        centerLat = Math.max(-85, Math.min(85, centerLat));
        centerLng = ((centerLng + 540) % 360) - 180;
    }

    private double lngScale() {
        return Math.cos(Math.toRadians(referenceLat));
    }

    public Point toScreen(double lat, double lng) {
        double x = width / 2 + (lng - centerLng) * lngScale() * MILES_PER_DEGREE * pixelsPerMile;
        double y = height / 2 - (lat - centerLat) * MILES_PER_DEGREE * pixelsPerMile;
        return new Point(x, y);
    }

    public LatLng toGeo(double x, double y) {
        double lat = centerLat - (y - height / 2) / (MILES_PER_DEGREE * pixelsPerMile);
        double lng = centerLng + (x - width / 2) / (lngScale() * MILES_PER_DEGREE * pixelsPerMile);
        return new LatLng(lat, lng);
    }

    public double milesToPixels(double miles) {
        return miles * pixelsPerMile;
    }

    /** The map moved by a drag of (dx, dy) pixels: what was under the cursor stays under it. */
    public MapProjection panBy(double dx, double dy) {
        LatLng c = toGeo(width / 2 - dx, height / 2 - dy);
        return new MapProjection(referenceLat, c.lat(), c.lng(), pixelsPerMile, width, height);
    }

    /** Zoomed by {@code factor} about the pixel (x, y), which keeps pointing at the same place. */
    public MapProjection zoomAt(double factor, double x, double y) {
        LatLng anchor = toGeo(x, y);
        MapProjection zoomed = new MapProjection(referenceLat, centerLat, centerLng, pixelsPerMile * factor, width, height);
        Point moved = zoomed.toScreen(anchor.lat(), anchor.lng());
        return zoomed.panBy(x - moved.x(), y - moved.y());
    }

    public MapProjection resized(double newWidth, double newHeight) {
        return new MapProjection(referenceLat, centerLat, centerLng, pixelsPerMile, newWidth, newHeight);
    }

    /** The smallest zoom that shows all the circles with {@code padding} pixels around them. */
    public static MapProjection fit(Iterable<GeoCircle> circles, double width, double height, double padding) {
        double minLat = 90, maxLat = -90, minLng = 180, maxLng = -180;
        boolean any = false;
        for (GeoCircle c : circles) {
            double dLat = c.radiusMiles() / MILES_PER_DEGREE;
            double dLng = dLat / Math.max(0.01, Math.cos(Math.toRadians(c.lat())));
            minLat = Math.min(minLat, c.lat() - dLat);
            maxLat = Math.max(maxLat, c.lat() + dLat);
            minLng = Math.min(minLng, c.lng() - dLng);
            maxLng = Math.max(maxLng, c.lng() + dLng);
            any = true;
        }
        if (!any) {
            return new MapProjection(42.3314, 42.3314, -83.0458, 20, width, height); // Detroit, where the market is
        }
        double lat = (minLat + maxLat) / 2;
        double lng = (minLng + maxLng) / 2;
        double milesTall = (maxLat - minLat) * MILES_PER_DEGREE;
        double milesWide = (maxLng - minLng) * MILES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        double usableW = Math.max(1, width - 2 * padding);
        double usableH = Math.max(1, height - 2 * padding);
        double ppm = Math.min(usableW / Math.max(milesWide, 0.1), usableH / Math.max(milesTall, 0.1));
        return new MapProjection(lat, lat, lng, ppm, width, height);
    }
}
