package dev.tower.bench;

import java.util.List;

/**
 * A feature's contribution to {@code tower bench}: each feature package implements this once (e.g.
 * {@code audit.AuditBench}) and lists the class in
 * {@code src/main/resources/META-INF/services/dev.tower.bench.BenchOperations}; the bench finds it with
 * {@link java.util.ServiceLoader}, so there is no central list to edit.
 *
 * <p>{@link #operations} is called once per run, before anything is timed: look up the fixture rows
 * the operations need (a deep audit position, a consumer with bookings...) through
 * {@link BenchContext#superuser()} there, and keep any state a mutation carries from one execution
 * to the next (a version, a counter for unique names) in the returned operations.
 *
 * <p>Implementations need a public no-argument constructor.
 */
public interface BenchOperations {
    List<BenchOperation> operations(BenchContext context);
}
