package dev.tower.area;

import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestAreas;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking_dropoff_cells (V62) equals the bookings regrouped, after inserts, moves, deletes and concurrent
 * writers; the area list's and the map's counts read from it equal the exact point-in-circle count,
 * drop-offs just either side of an edge and of the 30-day boundary included; staff cannot write it.
 */
class DropoffSummaryTest {
    private static final String CELLS_DIFF = """
            WITH exact AS (
                SELECT (created_at AT TIME ZONE 'UTC')::date AS day, floor(dropoff_lat * 100)::int AS cell_row,
                       floor(dropoff_lng * 100)::int AS cell_col, count(*) AS dropoffs
                FROM bookings WHERE created_at IS NOT NULL GROUP BY 1, 2, 3)
            SELECT count(*) FROM (
                (SELECT day, cell_row, cell_col, dropoffs FROM booking_dropoff_cells WHERE dropoffs > 0 EXCEPT SELECT * FROM exact)
                UNION ALL
                (SELECT * FROM exact EXCEPT SELECT day, cell_row, cell_col, dropoffs FROM booking_dropoff_cells)) d""";
    /** Cells of the last 31 days whose kept outside count differs from the bookings tested afresh. */
    private static final String OUTSIDE_DIFF = """
            SELECT count(*) FROM booking_dropoff_cells c
            WHERE c.day >= ((now() - interval '31 days') AT TIME ZONE 'UTC')::date
              AND c.outside <> (
                  SELECT count(*) FROM bookings b
                  WHERE (b.created_at AT TIME ZONE 'UTC')::date = c.day
                    AND floor(b.dropoff_lat * 100)::int = c.cell_row AND floor(b.dropoff_lng * 100)::int = c.cell_col
                    AND NOT EXISTS (SELECT 1 FROM service_areas sa WHERE sa.active
                                    AND public.distance_miles(sa.center_lat::float8, sa.center_lng::float8,
                                                              b.dropoff_lat::float8, b.dropoff_lng::float8) <= sa.radius_miles))""";
    private static final String EXACT_PER_AREA = """
            SELECT sa.id::text, count(b.id)
            FROM service_areas sa
            LEFT JOIN bookings b ON b.created_at >= now() - interval '30 days'
             AND public.distance_miles(sa.center_lat::float8, sa.center_lng::float8,
                                       b.dropoff_lat::float8, b.dropoff_lng::float8) <= sa.radius_miles
            GROUP BY sa.id""";
    private static final String EXACT_OUTSIDE = """
            SELECT count(*) FROM bookings b
            WHERE b.created_at >= now() - interval '30 days'
              AND NOT EXISTS (SELECT 1 FROM service_areas sa WHERE sa.active
                              AND public.distance_miles(sa.center_lat::float8, sa.center_lng::float8,
                                                        b.dropoff_lat::float8, b.dropoff_lng::float8) <= sa.radius_miles)""";

    @AfterAll
    static void removeTestAreas() {
        TestAreas.removeStartingWith("Cells ");
    }

    private final TestDatabase db = TestDatabase.withDemoData();
    private final TestRows rows = TestRows.in(db);

    @Test
    void theCellsEqualTheBookingsRegroupedAfterInsertsMovesAndDeletes() throws SQLException {
        try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
            assertThat(SqlProbe.value(su, "SELECT count(*) FROM booking_dropoff_cells")).isNotEqualTo("0");
            assertCellsExact(su);
            UUID booking = rows.chain("completed").booking();
            assertCellsExact(su);
            s.execute("UPDATE bookings SET dropoff_lat = 42.5001, dropoff_lng = -83.1001, created_at = now() - interval '3 days'"
                    + " WHERE id = '" + booking + "'");
            s.execute("UPDATE bookings SET status = status WHERE id = '" + booking + "'"); // moves nothing
            assertCellsExact(su);
            s.execute("DELETE FROM booking_status_history WHERE booking_id = '" + booking + "'");
            s.execute("DELETE FROM bookings WHERE id = '" + booking + "'");
            assertCellsExact(su);
        }
    }

    @Test
    void concurrentBookingsInOneCellAllCount() throws Exception {
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bookings.add(rows.chain("completed").booking());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (UUID id : bookings) {
            writers.add(CompletableFuture.runAsync(() -> {
                try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
                    start.await();
                    s.execute("UPDATE bookings SET dropoff_lat = 42.4444, dropoff_lng = -83.2222,"
                            + " created_at = now() - interval '2 days' WHERE id = '" + id + "'");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        try (Connection su = db.superuser().getConnection()) {
            assertCellsExact(su);
        }
    }

    @Test
    void listAndMapCountsAreExactAtEdgesAndAtTheWindowsStart() throws SQLException {
        try (var admin = AdminSession.open(); Connection su = db.superuser().getConnection()) {
            AreaService service = new AreaService(admin.session());
            // a 1-mile circle far from Detroit: its edge crosses 0.01° cells, so drop-offs are tested one by one
            UUID id = service.create(new AreaDraft("Cells Edge", new BigDecimal("-20.0000"), new BigDecimal("30.0000"), 1)).id();
            double mileInLat = 1 / 69.09;
            dropoff(-20.0 + mileInLat * 0.995, 30.0, "1 day");     // inside, just
            dropoff(-20.0 + mileInLat * 1.005, 30.0, "1 day");     // outside, just
            dropoff(-20.0, 30.0, "29 days 23 hours 58 minutes"); // inside, on the window's first day
            dropoff(-20.0, 30.0, "30 days 2 minutes");           // inside, but too old
            dropoff(-20.0 - mileInLat * 0.5, 30.0, "29 days 23 hours");

            assertListAndMapExact(service, su);
            assertCellsExact(su);
            assertThat(service.list().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().recentDropoffs())
                    .isEqualTo(3);
            // drop-offs that move, and the area itself changing: its edge and the cells under it are recounted
            dropoff(-20.0 + mileInLat * 1.5, 30.0, "2 days");
            assertListAndMapExact(service, su);
            int version = service.edit(id, 1, new AreaDraft("Cells Edge", new BigDecimal("-20.0000"), new BigDecimal("30.0000"), 2));
            assertListAndMapExact(service, su);
            assertThat(service.list().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().recentDropoffs())
                    .isEqualTo(5);
            version = service.edit(id, version, new AreaDraft("Cells Edge", new BigDecimal("-20.0100"), new BigDecimal("30.0200"), 1));
            assertListAndMapExact(service, su);
            version = service.deactivate(id, version, true);
            assertListAndMapExact(service, su);
            service.reactivate(id, version);
            assertListAndMapExact(service, su);
            assertCellsExact(su);
        }
    }

    private void assertListAndMapExact(AreaService service, Connection su) throws SQLException {
        Map<String, Long> listed = service.list().stream()
                .collect(Collectors.toMap(a -> a.id().toString(), ServiceArea::recentDropoffs));
        assertThat(listed).isEqualTo(exactPerArea(su));
        List<DemandCell> cells = service.demand(0.01, 0.01);
        assertThat(cells.stream().mapToLong(DemandCell::dropoffs).sum())
                .isEqualTo(Long.parseLong(SqlProbe.value(su, "SELECT count(*) FROM bookings WHERE created_at >= now() - interval '30 days'")));
        assertThat(cells.stream().mapToLong(DemandCell::outside).sum())
                .isEqualTo(Long.parseLong(SqlProbe.value(su, EXACT_OUTSIDE)));
        // a coarser map adds up to the same totals
        List<DemandCell> coarse = service.demand(0.05, 0.1);
        assertThat(coarse.stream().mapToLong(DemandCell::outside).sum())
                .isEqualTo(cells.stream().mapToLong(DemandCell::outside).sum());
        assertThat(coarse.size()).isLessThan(cells.size());
    }

    @Test
    void staffReadTheCellsOnlyAsTheirRoleAllowsAndNeverWriteThem() throws SQLException {
        for (String login : List.of("demo_admin", "demo_ops")) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM booking_dropoff_cells LIMIT 1")).isNull();
                assertThat(SqlProbe.stateOf(c, "SELECT * FROM area_edge_dropoffs LIMIT 1")).isNull();
            }
        }
        try (Connection analyst = db.connectAsDemo("demo_analyst")) {
            assertThat(SqlProbe.stateOf(analyst, "SELECT * FROM booking_dropoff_cells")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(analyst, "SELECT * FROM area_edge_dropoffs")).isEqualTo("42501");
        }
        for (String login : List.of("demo_admin", "demo_ops", "demo_analyst")) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.stateOf(c, "UPDATE booking_dropoff_cells SET dropoffs = 0")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "DELETE FROM booking_dropoff_cells")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.recount_dropoff_cells()")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "INSERT INTO area_edge_dropoffs VALUES (gen_random_uuid(), current_date, 1)"))
                        .isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.apply_dropoffs(ARRAY[now()], ARRAY[1.0], ARRAY[1.0], ARRAY[1])"))
                        .isEqualTo("42501");
            }
        }
    }

    private static void assertCellsExact(Connection su) throws SQLException {
        assertThat(SqlProbe.value(su, CELLS_DIFF)).as("drop-offs per cell").isEqualTo("0");
        assertThat(SqlProbe.value(su, OUTSIDE_DIFF)).as("outside every active area per cell").isEqualTo("0");
    }

    private void dropoff(double lat, double lng, String ago) {
        UUID booking = rows.chain("completed").booking();
        rows.update("UPDATE bookings SET dropoff_lat = ?, dropoff_lng = ?, created_at = now() - ?::interval WHERE id = ?",
                lat, lng, ago, booking);
    }

    private static Map<String, Long> exactPerArea(Connection su) throws SQLException {
        List<String> pairs = SqlProbe.column(su, "SELECT id || ' ' || n FROM (" + EXACT_PER_AREA + ") x(id, n)");
        return pairs.stream().map(p -> p.split(" "))
                .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1])));
    }
}
