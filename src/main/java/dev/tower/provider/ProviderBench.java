package dev.tower.provider;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provider verification for {@code tower bench}: the queue's first page, a deep page, the name search,
 * the expiring and re-verification queues, the tab counts, the provider page, and a decision
 * (suspend then reinstate one verified provider, carrying its version).
 */
public final class ProviderBench implements BenchOperations {
    private static final int PAGE = VerificationQueueViewModel.PAGE_SIZE + 1;

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        // Fixtures, looked up before timing (OFFSET is fine here: it is never what a screen does).
        QueueKey deep = context.superuser().withHandle(h -> h.createQuery("""
                        SELECT submitted_for_verification_at, id FROM providers WHERE certification_status = 'pending'
                        ORDER BY submitted_for_verification_at, id OFFSET 500 LIMIT 1""")
                .map((rs, ctx) -> new QueueKey(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(2, UUID.class)))
                .findOne().orElse(null));
        UUID anyProvider = context.superuser().withHandle(h -> h.createQuery(
                "SELECT id FROM providers ORDER BY id LIMIT 1").mapTo(UUID.class).one());
        String lastName = context.superuser().withHandle(h -> h.createQuery("""
                SELECT split_part(pr.full_name, ' ', 2) FROM providers p JOIN profiles pr ON pr.id = p.user_id
                WHERE pr.full_name LIKE '% %' ORDER BY p.id LIMIT 1""").mapTo(String.class).findOne().orElse("Smith"));
        var verified = context.superuser().withHandle(h -> h.createQuery("""
                        SELECT id, verification_version FROM providers WHERE certification_status = 'verified'
                        ORDER BY id LIMIT 1""")
                .map((rs, ctx) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)}).findOne().orElse(null));

        List<BenchOperation> ops = new java.util.ArrayList<>(List.of(
                BenchOperation.of("provider.queue.first", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.LIST_PAGE,
                        s -> new ProviderService(s).queue(QueueFilter.PENDING, null, PAGE)),
                BenchOperation.of("provider.queue.deep", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.LIST_PAGE,
                        s -> new ProviderService(s).queue(QueueFilter.PENDING, deep, PAGE)),
                BenchOperation.of("provider.queue.search", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.SEARCH,
                        s -> new ProviderService(s).queue(new QueueFilter(ProviderStatus.VERIFIED, null, null, null, lastName),
                                null, PAGE)),
                BenchOperation.of("provider.queue.expiring_30_days", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.LIST_PAGE,
                        s -> new ProviderService(s).queue(new QueueFilter(ProviderStatus.VERIFIED, null, null, 30, null),
                                null, PAGE)),
                BenchOperation.of("provider.queue.reverification", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.LIST_PAGE,
                        s -> new ProviderService(s).queue(new QueueFilter(ProviderStatus.NEEDS_REVERIFICATION, null, null,
                                null, null), null, PAGE)),
                BenchOperation.of("provider.counts", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.LIST_PAGE,
                        s -> new ProviderService(s).counts()),
                BenchOperation.of("provider.page", Role.ADMIN, Permission.REVIEW_PROVIDER_DOCUMENTS, BenchTarget.DASHBOARD,
                        s -> {
                            ProviderService service = new ProviderService(s);
                            service.details(anyProvider);
                            service.documents(anyProvider);
                            service.decisions(anyProvider);
                            service.schedule(anyProvider);
                            service.listings(anyProvider, ProviderPageViewModel.LISTINGS_SHOWN + 1);
                        })));
        if (verified != null) {
            UUID id = (UUID) verified[0];
            AtomicInteger version = new AtomicInteger((Integer) verified[1]);
            AtomicBoolean suspended = new AtomicBoolean();
            ops.add(BenchOperation.of("provider.suspend_or_reinstate", Role.ADMIN, Permission.VERIFY_PROVIDER,
                    BenchTarget.MUTATION, s -> {
                        ProviderService service = new ProviderService(s);
                        int next = suspended.get() ? service.reinstate(id, version.get(), "bench: reinstate")
                                : service.suspend(id, version.get(), "bench: suspend");
                        version.set(next);
                        suspended.set(!suspended.get());
                    }));
        }
        return ops;
    }
}
