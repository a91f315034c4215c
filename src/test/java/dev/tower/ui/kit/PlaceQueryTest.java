package dev.tower.ui.kit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceQueryTest {
    @Test
    void aQueryPlaceRoundTripsItsParametersAndLeavesBlankOnesOut() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", "2026-03-01");
        p.put("providerName", "Smith & Sons = best?");
        p.put("area", null);
        p.put("category", " ");
        Place place = Place.query("bookings", p);
        assertThat(place.section()).isEqualTo("bookings");
        assertThat(place.queryParameters().orElseThrow())
                .containsExactly(Map.entry("from", "2026-03-01"), Map.entry("providerName", "Smith & Sons = best?"));
        assertThat(Place.of("bookings", "6f1c0a52-0000-0000-0000-000000000000").queryParameters()).isEmpty();
    }
}
