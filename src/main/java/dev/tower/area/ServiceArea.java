package dev.tower.area;

import dev.tower.ui.map.GeoCircle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One service area as the list shows it: the circle, its state and version, and its counts —
 * providers serving it (verified and all), drop-offs inside it in the last 30 days, areas it overlaps.
 */
public record ServiceArea(UUID id, String name, BigDecimal centerLat, BigDecimal centerLng, int radiusMiles,
                          boolean active, int version, Instant updatedAt, String updatedBy,
                          long providersVerified, long providersAll, long recentDropoffs, List<String> overlaps) {
    public ServiceArea {
        overlaps = List.copyOf(overlaps);
    }

    public GeoCircle circle() {
        return new GeoCircle(centerLat.doubleValue(), centerLng.doubleValue(), radiusMiles);
    }
}
