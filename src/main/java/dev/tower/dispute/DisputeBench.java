package dev.tower.dispute;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchSql;
import dev.tower.bench.BenchTarget;
import dev.tower.refund.IdempotencyKeys;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Disputes screen for {@code tower bench}, as ops: the queue's first and a deep page (beside the
 * queue without its partial index), a filtered page, one dispute and each dispute
 * function (the evidence pack, which composes three features, is app.EvidencePackBench). The functions run in a transaction that is rolled back, so the demo data stays as it was.
 */
public final class DisputeBench implements BenchOperations {
    private static final int PAGE = DisputeQueueViewModel.PAGE_SIZE;

    record Fixtures(OffsetDateTime deepDue, UUID deepId, UUID openDispute, UUID completedBooking) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        Fixtures f = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(DisputeBench.class, "fixtures"))
                .map((rs, ctx) -> new Fixtures(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
                .one());
        if (f.deepId() == null) {
            context.note("Disputes: no open disputes in this database; nothing to measure.");
            return List.of();
        }
        String naive = BenchSql.of(DisputeBench.class, "queueWithoutIndex");
        DisputeCursor deep = new DisputeCursor(f.deepDue(), f.deepId());
        List<BenchOperation> ops = new ArrayList<>(List.of(
                queue("disputes.queue_first_page", DisputeFilter.ALL, null).comparedWith("disputes.queue_without_index"),
                BenchOperation.of("disputes.queue_without_index", Role.OPS, Permission.VIEW_DISPUTES, BenchTarget.BASELINE,
                        s -> s.jdbi().withHandle(h -> h.createQuery(naive).bind("limit", PAGE + 1).mapToMap().list())),
                queue("disputes.queue_deep_page", DisputeFilter.ALL, deep),
                queue("disputes.queue_filtered", new DisputeFilter(24, null, null, null, true), null)));
        if (f.openDispute() != null) {
            UUID d = f.openDispute();
            ops.add(BenchOperation.of("disputes.detail", Role.OPS, Permission.VIEW_DISPUTES, BenchTarget.LIST_PAGE,
                    s -> new DisputeService(s).detail(d)));
            ops.add(rolledBack("disputes.claim", d, dao -> dao.assign(d, "demo_ops")));
            ops.add(rolledBack("disputes.resolve_no_refund", d, dao -> dao.resolve(d, "no_refund", null, null,
                    "Benchmark, rolled back", IdempotencyKeys.next())));
            ops.add(rolledBack("disputes.resolve_partial_refund", d, dao -> dao.resolve(d, "partial_refund", "1.00",
                    "service_not_delivered", "Benchmark, rolled back", IdempotencyKeys.next())));
        }
        if (f.completedBooking() != null) {
            UUID b = f.completedBooking();
            ops.add(BenchOperation.of("disputes.open", Role.OPS, Permission.RESOLVE_DISPUTE, BenchTarget.MUTATION,
                    s -> s.jdbi().useHandle(h -> {
                        h.begin();
                        try {
                            int version = h.createQuery("SELECT version FROM bookings WHERE id = :id").bind("id", b)
                                    .mapTo(Integer.class).one();
                            h.attach(DisputeDao.class).open(b, version, "late", "Benchmark, rolled back");
                        } finally {
                            h.rollback();
                        }
                    })));
        }
        return ops;
    }

    private static BenchOperation queue(String name, DisputeFilter filter, DisputeCursor after) {
        return BenchOperation.of(name, Role.OPS, Permission.VIEW_DISPUTES, BenchTarget.LIST_PAGE,
                s -> new DisputeService(s).queue(filter, after, PAGE + 1));
    }

    private static BenchOperation rolledBack(String name, UUID dispute, Consumer<DisputeDao> change) {
        return BenchOperation.of(name, Role.OPS, Permission.RESOLVE_DISPUTE, BenchTarget.MUTATION, s -> s.jdbi().useHandle(h -> {
            h.begin();
            try {
                change.accept(h.attach(DisputeDao.class));
            } finally {
                h.rollback();
            }
        }));
    }
}
