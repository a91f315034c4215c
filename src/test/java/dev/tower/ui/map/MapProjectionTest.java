package dev.tower.ui.map;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The map's projection and hit-testing, without a toolkit. */
class MapProjectionTest {
    private static final GeoCircle DOWNTOWN = new GeoCircle(42.3314, -83.0458, 5);
    private static final GeoCircle CORKTOWN = new GeoCircle(42.3316, -83.0625, 2);
    private static final GeoCircle ROYAL_OAK = new GeoCircle(42.4895, -83.1446, 4);

    private final MapProjection detroit = new MapProjection(42.3314, 42.3314, -83.0458, 40, 800, 600);

    @Test
    void aMileIsTheSameLengthNorthAndEastAtTheMapsLatitude() {
        MapProjection.Point c = detroit.toScreen(42.3314, -83.0458);
        assertThat(c.x()).isCloseTo(400, within(1e-9));
        assertThat(c.y()).isCloseTo(300, within(1e-9));
        double oneMileLat = 1 / MapProjection.MILES_PER_DEGREE;
        double oneMileLng = oneMileLat / Math.cos(Math.toRadians(42.3314));
        MapProjection.Point north = detroit.toScreen(42.3314 + oneMileLat, -83.0458);
        MapProjection.Point east = detroit.toScreen(42.3314, -83.0458 + oneMileLng);
        assertThat(300 - north.y()).as("north is up").isCloseTo(40, within(1e-6));
        assertThat(east.x() - 400).as("east is right").isCloseTo(40, within(1e-6));
        // and the haversine distance agrees with the drawn one within half a percent at city scale
        MapProjection.Point royalOak = detroit.toScreen(ROYAL_OAK.lat(), ROYAL_OAK.lng());
        double drawnMiles = Math.hypot(royalOak.x() - 400, royalOak.y() - 300) / 40;
        double trueMiles = GeoCircle.distanceMiles(DOWNTOWN.lat(), DOWNTOWN.lng(), ROYAL_OAK.lat(), ROYAL_OAK.lng());
        assertThat(drawnMiles).isCloseTo(trueMiles, within(trueMiles * 0.005));
    }

    @Test
    void screenAndGeoAreInversesAndZoomKeepsThePointUnderTheCursor() {
        MapProjection.LatLng g = detroit.toGeo(123, 456);
        MapProjection.Point p = detroit.toScreen(g.lat(), g.lng());
        assertThat(p.x()).isCloseTo(123, within(1e-6));
        assertThat(p.y()).isCloseTo(456, within(1e-6));

        MapProjection zoomed = detroit.zoomAt(2, 123, 456);
        assertThat(zoomed.pixelsPerMile()).isEqualTo(80);
        MapProjection.Point same = zoomed.toScreen(g.lat(), g.lng());
        assertThat(same.x()).isCloseTo(123, within(1e-6));
        assertThat(same.y()).isCloseTo(456, within(1e-6));

        MapProjection panned = detroit.panBy(50, -20);
        MapProjection.Point moved = panned.toScreen(DOWNTOWN.lat(), DOWNTOWN.lng());
        assertThat(moved.x()).isCloseTo(450, within(1e-6));
        assertThat(moved.y()).isCloseTo(280, within(1e-6));
    }

    @Test
    void aClickAtACirclesPixelSelectsThatAreaAndTheSmallerOneWhereTheyOverlap() {
        List<MapHitTest.Target<String>> targets = List.of(
                new MapHitTest.Target<>("Downtown Detroit", DOWNTOWN),
                new MapHitTest.Target<>("Corktown", CORKTOWN),
                new MapHitTest.Target<>("Royal Oak", ROYAL_OAK));
        MapProjection.Point royal = detroit.toScreen(ROYAL_OAK.lat(), ROYAL_OAK.lng());
        assertThat(MapHitTest.at(detroit, targets, royal.x() + 30, royal.y() + 20))
                .contains(new MapHitTest.Hit<>("Royal Oak", MapHitTest.Part.INSIDE));
        assertThat(MapHitTest.at(detroit, targets, royal.x(), royal.y()))
                .contains(new MapHitTest.Hit<>("Royal Oak", MapHitTest.Part.CENTER));
        assertThat(MapHitTest.at(detroit, targets, royal.x() + 4 * 40, royal.y()))
                .contains(new MapHitTest.Hit<>("Royal Oak", MapHitTest.Part.EDGE));
        // Corktown lies inside Downtown's circle: a click in Corktown picks Corktown
        MapProjection.Point cork = detroit.toScreen(CORKTOWN.lat(), CORKTOWN.lng());
        assertThat(MapHitTest.at(detroit, targets, cork.x() - 20, cork.y() + 20))
                .contains(new MapHitTest.Hit<>("Corktown", MapHitTest.Part.INSIDE));
        MapProjection.Point down = detroit.toScreen(DOWNTOWN.lat(), DOWNTOWN.lng());
        assertThat(MapHitTest.at(detroit, targets, down.x() + 100, down.y() + 60))
                .contains(new MapHitTest.Hit<>("Downtown Detroit", MapHitTest.Part.INSIDE));
        assertThat(MapHitTest.at(detroit, targets, 5, 5)).isEmpty();
        // a centre wins over another circle's edge running close by
        GeoCircle ferndale = new GeoCircle(42.4604, -83.1345, 2);
        MapProjection.Point f = detroit.toScreen(ferndale.lat(), ferndale.lng());
        GeoCircle nearEdge = new GeoCircle(ferndale.lat(), ferndale.lng(), 2);
        MapProjection.LatLng onEdge = detroit.toGeo(f.x(), f.y() - 2 * 40 - 3);
        GeoCircle other = new GeoCircle(onEdge.lat(), onEdge.lng(), 4);
        assertThat(MapHitTest.at(detroit, List.of(new MapHitTest.Target<>("Ferndale", nearEdge),
                        new MapHitTest.Target<>("Royal Oak", other)), f.x(), f.y() - 2 * 40 - 3))
                .contains(new MapHitTest.Hit<>("Royal Oak", MapHitTest.Part.CENTER));
        assertThat(CORKTOWN.overlaps(DOWNTOWN)).isTrue();
        assertThat(ROYAL_OAK.overlaps(DOWNTOWN)).isFalse();
    }

    @Test
    void fitShowsEveryCircleAndTheScaleBarAndGraticuleUseRoundNumbers() {
        MapProjection fit = MapProjection.fit(List.of(DOWNTOWN, CORKTOWN, ROYAL_OAK), 800, 600, 20);
        for (GeoCircle c : List.of(DOWNTOWN, CORKTOWN, ROYAL_OAK)) {
            MapProjection.Point p = fit.toScreen(c.lat(), c.lng());
            double r = fit.milesToPixels(c.radiusMiles());
            assertThat(p.x() - r).isGreaterThanOrEqualTo(19);
            assertThat(p.x() + r).isLessThanOrEqualTo(781);
            assertThat(p.y() - r).isGreaterThanOrEqualTo(19);
            assertThat(p.y() + r).isLessThanOrEqualTo(581);
        }
        MapScale.Bar bar = MapScale.bar(detroit, 150);
        assertThat(bar.miles()).isEqualTo(2);
        assertThat(bar.pixels()).isEqualTo(80);
        assertThat(bar.label()).isEqualTo("2 miles");
        assertThat(MapScale.graticuleStep(detroit, 100)).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void labelsNeverOverlap() {
        List<MapLabels.Request<Integer>> requests = List.of(
                new MapLabels.Request<>(1, "Downtown Detroit", 400, 300, 200),
                new MapLabels.Request<>(2, "Corktown", 405, 302, 80),
                new MapLabels.Request<>(3, "Midtown Detroit", 398, 296, 120));
        List<MapLabels.Placed<Integer>> placed = MapLabels.place(requests, t -> t.length() * 7.0, 12);
        assertThat(placed).hasSize(3);
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).box().intersects(placed.get(j).box())).isFalse();
            }
        }
    }
}
