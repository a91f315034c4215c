package dev.tower.staff;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Staff screen for {@code tower bench}: its list and each staff function, for real, as an admin.
 * Every run creates its logins under a fresh {@code bench_<run>_} prefix, so runs never collide.
 */
public final class StaffBench implements BenchOperations {
    private static final String PASSWORD = "bench-password-not-for-people";

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        String prefix = "bench_" + Long.toString(System.currentTimeMillis(), 36) + "_";
        String subject = prefix + "subject";
        new StaffService(context.session(Role.ADMIN)).create(subject, "Bench Subject", Role.OPS, PASSWORD.toCharArray());
        AtomicInteger created = new AtomicInteger();
        AtomicBoolean analyst = new AtomicBoolean();
        AtomicBoolean disabled = new AtomicBoolean();
        return List.of(
                op("staff.list", BenchTarget.LIST_PAGE, s -> new StaffService(s).list()),
                op("staff.create", BenchTarget.MUTATION, s -> new StaffService(s).create(
                        prefix + created.incrementAndGet(), "Bench Login", Role.ANALYST, PASSWORD.toCharArray())),
                op("staff.change_role", BenchTarget.MUTATION, s -> new StaffService(s).changeRole(subject,
                        analyst.getAndSet(!analyst.get()) ? Role.OPS : Role.ANALYST)),
                op("staff.set_disabled", BenchTarget.MUTATION, s -> new StaffService(s).setDisabled(subject,
                        !disabled.getAndSet(!disabled.get()))),
                op("staff.reset_password", BenchTarget.MUTATION, s -> new StaffService(s).resetPassword(subject,
                        PASSWORD.toCharArray())));
    }

    private static BenchOperation op(String name, BenchTarget target, SessionWork work) {
        return BenchOperation.of(name, Role.ADMIN, Permission.MANAGE_STAFF, target, work::run);
    }

    /** Narrower than Body: the staff functions throw nothing checked. */
    @FunctionalInterface
    private interface SessionWork {
        void run(Session session);
    }
}
