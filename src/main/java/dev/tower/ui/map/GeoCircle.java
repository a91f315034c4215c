package dev.tower.ui.map;

/** A circle on the Earth: centre in degrees, radius in miles. */
public record GeoCircle(double lat, double lng, double radiusMiles) {
    /** Mean Earth radius, as the database's distance_miles uses. */
    public static final double EARTH_RADIUS_MILES = 3958.8;

    /** Great-circle distance in miles (haversine), the same formula as {@code public.distance_miles}. */
    public static double distanceMiles(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
    }

    public boolean contains(double pointLat, double pointLng) {
        return distanceMiles(lat, lng, pointLat, pointLng) <= radiusMiles;
    }

    public boolean overlaps(GeoCircle other) {
        return distanceMiles(lat, lng, other.lat, other.lng) < radiusMiles + other.radiusMiles;
    }
}
