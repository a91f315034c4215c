package dev.tower.refund;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchSql;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.util.ArrayList;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Refunds for {@code tower bench}: the approvals queue, each refund function (issue, a replay of the same
 * key, approve, retry) in a transaction that is rolled back, and refunds per second under 8 concurrent
 * connections, all on one payment (they queue on its row lock) and each on its own payment, reported
 * as a note under the table.
 */
public final class RefundBench implements BenchOperations {
    static final int CONNECTIONS = 8;
    static final int REFUNDS_PER_CONNECTION = 40;

    record Fixtures(UUID[] bookings, UUID awaiting, UUID failed) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        Fixtures f = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(RefundBench.class, "fixtures"))
                .map((rs, ctx) -> new Fixtures(rs.getArray(1) == null ? new UUID[0] : (UUID[]) rs.getArray(1).getArray(),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .one());
        List<BenchOperation> ops = new ArrayList<>();
        ops.add(BenchOperation.of("refunds.approvals_page", Role.ADMIN, Permission.APPROVE_LARGE_REFUND, BenchTarget.LIST_PAGE,
                s -> new RefundService(s).awaitingApproval(null, ApprovalsViewModel.PAGE_SIZE + 1)));
        if (f.bookings().length > 0) {
            UUID b = f.bookings()[0];
            String replayKey = IdempotencyKeys.next();
            ops.add(rolledBack("refunds.issue", Role.OPS, Permission.ISSUE_REFUND,
                    dao -> dao.issue(b, "1.00", "requested_by_customer", "Benchmark, rolled back", IdempotencyKeys.next())));
            ops.add(rolledBack("refunds.issue_replay", Role.OPS, Permission.ISSUE_REFUND, dao -> {
                dao.issue(b, "1.00", "requested_by_customer", "Benchmark, rolled back", replayKey);
                dao.issue(b, "1.00", "requested_by_customer", "Benchmark, rolled back", replayKey);
            }));
        }
        if (f.awaiting() != null) {
            ops.add(rolledBack("refunds.approve", Role.ADMIN, Permission.APPROVE_LARGE_REFUND,
                    dao -> dao.decide(f.awaiting(), true, "Benchmark, rolled back")));
        }
        if (f.failed() != null) {
            ops.add(rolledBack("refunds.retry", Role.OPS, Permission.ISSUE_REFUND, dao -> dao.retry(f.failed())));
        }
        if (f.bookings().length >= CONNECTIONS) {
            throughput(context, f.bookings());
        }
        return ops;
    }

    /** Measured once before the table's timings: 8 connections, 40 refunds each, rolled back one by one. */
    private static void throughput(BenchContext context, UUID[] bookings) {
        try {
            double one = refundsPerSecond(context, i -> bookings[0]);
            double different = refundsPerSecond(context, i -> bookings[1 + i % (bookings.length - 1)]);
            context.note(String.format("Refunds per second under %d concurrent ops connections (%d refunds each, each in its "
                            + "own transaction, rolled back): %.0f/s all on one payment (they queue on its row lock), "
                            + "%.0f/s each on its own payment (%.1fx).", CONNECTIONS, REFUNDS_PER_CONNECTION, one, different,
                    different / one));
        } catch (Exception e) {
            context.note("Refunds per second could not be measured: " + e.getMessage());
        }
    }

    private static double refundsPerSecond(BenchContext context, java.util.function.IntFunction<UUID> bookingOf)
            throws Exception {
        List<Session> sessions = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sessions.add(context.signIn(Role.OPS));
            }
            CyclicBarrier start = new CyclicBarrier(CONNECTIONS + 1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                Session s = sessions.get(i);
                UUID booking = bookingOf.apply(i);
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < REFUNDS_PER_CONNECTION; n++) {
                        s.jdbi().useHandle(h -> {
                            h.begin();
                            try {
                                h.attach(RefundDao.class).issue(booking, "0.01", "other", "Benchmark, rolled back",
                                        IdempotencyKeys.next());
                            } finally {
                                h.rollback();
                            }
                        });
                    }
                    return null;
                }));
            }
            start.await();
            long t0 = System.nanoTime();
            for (Future<?> d : done) {
                d.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return CONNECTIONS * REFUNDS_PER_CONNECTION / seconds;
        } finally {
            pool.shutdownNow();
            sessions.forEach(Session::close);
        }
    }

    private static BenchOperation rolledBack(String name, Role role, Permission permission, Consumer<RefundDao> change) {
        return BenchOperation.of(name, role, permission, BenchTarget.MUTATION, s -> s.jdbi().useHandle(h -> {
            h.begin();
            try {
                change.accept(h.attach(RefundDao.class));
            } finally {
                h.rollback();
            }
        }));
    }

}
