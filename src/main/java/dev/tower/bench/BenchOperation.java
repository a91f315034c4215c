package dev.tower.bench;

import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.util.Objects;
import java.util.Optional;

/**
 * One measured operation: what it is called in {@code bench.csv}, which role runs it (the one that
 * would do it in the console; {@code null} = the superuser, for staff-against-superuser comparisons),
 * the permission it exercises (null when every role may, like the floor), its target and, optionally,
 * the name of the baseline it is compared with ({@code ratio = baseline p50 / this p50}, so a ratio
 * above 1 says how many times faster Tower's way is).
 *
 * @param minRatio the ratio must be at least this, or the run fails (0 = not checked)
 */
public record BenchOperation(String name, Role role, Permission permission, BenchTarget target,
                             String baseline, double minRatio, Body body) {

    /** The timed work; it runs on the session of {@link #role()} and must leave no transaction open. */
    @FunctionalInterface
    public interface Body {
        void run(Session session) throws Exception;
    }

    public BenchOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
    }

    /** An operation run as a staff role. */
    public static BenchOperation of(String name, Role role, Permission permission, BenchTarget target, Body body) {
        return new BenchOperation(name, Objects.requireNonNull(role, "role"), permission, target, null, 0, body);
    }

    /** A comparison run as the superuser (what the planner does without any row-level security). */
    public static BenchOperation asSuperuser(String name, Body body) {
        return new BenchOperation(name, null, null, BenchTarget.BASELINE, null, 0, body);
    }

    /** The same operation compared with {@code baselineName}, which must be registered too. */
    public BenchOperation comparedWith(String baselineName) {
        return new BenchOperation(name, role, permission, target, baselineName, minRatio, body);
    }

    /** The same operation, failing the run when {@code baseline p50 / p50} is below {@code ratio}. */
    public BenchOperation requiringRatio(double ratio) {
        return new BenchOperation(name, role, permission, target, baseline, ratio, body);
    }

    /**
     * Runs the body once on {@code session}, after the app-side permission check every console path
     * makes (services check again; raw-SQL operations such as the seeds' queries rely on this one).
     */
    public void run(Session session) throws Exception {
        if (permission != null) {
            AccessGuard.require(session, permission);
        }
        body.run(session);
    }

    public boolean asSuperuser() {
        return role == null;
    }

    public Optional<String> baselineName() {
        return Optional.ofNullable(baseline);
    }
}
