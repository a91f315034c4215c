package dev.tower.bench;

import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 8, item 7: staff must get the plans the superuser gets. Each query runs as ops and as the
 * superuser on the same data; the ops figure may be at most 1.5 times the superuser's.
 */
public final class StaffPlansBench implements BenchOperations {
    private static final double AT_MOST_SLOWER = 1.5;

    record Position(OffsetDateTime createdAt, UUID id) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        String page = BenchSql.of(StaffPlansBench.class, "disputedPage");
        Position last = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(StaffPlansBench.class, "disputedFixture"))
                .map((rs, ctx) -> new Position(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class)))
                .findOne().orElse(new Position(OffsetDateTime.now(), new UUID(-1, -1))));
        BenchOperation.Body disputed = s -> s.jdbi().withHandle(h -> h.createQuery(page)
                .bind("beforeCreatedAt", last.createdAt()).bind("beforeId", last.id()).mapToMap().list());
        SeedQueryBench.Fixtures f = SeedQueryBench.fixtures(context);
        String history = SeedQueries.forJdbi(SeedQueryBench.HISTORY);
        BenchOperation.Body historyPage = s -> s.jdbi().withHandle(h ->
                SeedQueryBench.untyped(h.createQuery(history), f.consumer().toString()).mapToMap().list());
        List<BenchOperation> ops = new ArrayList<>();
        pair(ops, "plans.disputed_last_page", Permission.VIEW_DISPUTES, disputed);
        pair(ops, "plans.booking_history", Permission.VIEW_BOOKINGS, historyPage);
        return ops;
    }

    private static void pair(List<BenchOperation> ops, String name, Permission permission, BenchOperation.Body body) {
        ops.add(BenchOperation.of(name + ".ops", Role.OPS, permission, BenchTarget.LIST_PAGE, body)
                .comparedWith(name + ".superuser").requiringRatio(1 / AT_MOST_SLOWER));
        ops.add(BenchOperation.asSuperuser(name + ".superuser", body));
    }
}
