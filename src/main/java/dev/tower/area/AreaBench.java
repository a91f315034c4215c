package dev.tower.area;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Service areas screen for {@code tower bench}: the list with its counts and the map's demand
 * layer (page opens, as ops), each beside the naive way (every recent drop-off against every area with
 * no bounding box), and an edit carrying its version (as admin) on an area of the bench's own.
 */
public final class AreaBench implements BenchOperations {
    private static final String BENCH_AREA = "Bench Area (tower bench)";
    private static final String NAIVE_COUNTS = """
            SELECT sa.id, count(b.id)
            FROM service_areas sa
            LEFT JOIN bookings b ON b.created_at >= now() - interval '30 days'
             AND public.distance_miles(sa.center_lat::float8, sa.center_lng::float8,
                                       b.dropoff_lat::float8, b.dropoff_lng::float8) <= sa.radius_miles
            GROUP BY sa.id""";

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        AreaService admin = new AreaService(context.session(Role.ADMIN));
        ServiceArea area = admin.list().stream().filter(a -> a.name().equals(BENCH_AREA)).findFirst().orElse(null);
        AtomicInteger version = new AtomicInteger();
        java.util.UUID id;
        if (area == null) {
            var created = admin.create(new AreaDraft(BENCH_AREA, new BigDecimal("-45.0"), new BigDecimal("170.0"), 2));
            id = created.id();
            version.set(created.version());
        } else {
            id = area.id();
            version.set(area.version());
        }
        AtomicBoolean grow = new AtomicBoolean(true);
        return List.of(
                BenchOperation.of("areas.list_with_counts", Role.OPS, Permission.VIEW_SERVICE_AREAS, BenchTarget.DASHBOARD,
                        s -> new AreaService(s).list()).comparedWith("areas.list_naive"),
                BenchOperation.asSuperuser("areas.list_naive",
                        s -> s.jdbi().withHandle(h -> h.createQuery(NAIVE_COUNTS).mapToMap().list())),
                BenchOperation.of("areas.map_demand_layer", Role.OPS, Permission.VIEW_SERVICE_AREAS, BenchTarget.DASHBOARD,
                        s -> new AreaService(s).demand(0.01, 0.01)),
                BenchOperation.of("areas.edit", Role.ADMIN, Permission.MANAGE_SERVICE_AREAS, BenchTarget.MUTATION,
                        s -> version.set(new AreaService(s).edit(id, version.get(), new AreaDraft(BENCH_AREA,
                                new BigDecimal("-45.0"), new BigDecimal("170.0"), grow.getAndSet(!grow.get()) ? 3 : 2)))));
    }
}
