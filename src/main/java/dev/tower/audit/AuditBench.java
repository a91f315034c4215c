package dev.tower.audit;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.bench.BenchSql;
import dev.tower.bench.MemoryFigures;

import java.util.ArrayList;
import java.util.List;

/**
 * The Audit screen's reads for {@code tower bench}: first page, a filtered page, the deepest page by
 * keyset (against the same page by OFFSET) and the chain check, all as an admin through AuditService.
 */
public final class AuditBench implements BenchOperations {
    private static final int PAGE = 50;
    private static final int PAGED_ROWS = 10_000;

    record Fixtures(String busiestActor, long deepBeforeSeq, long deepOffset) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        
        Fixtures f = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(AuditBench.class, "fixtures"))
                .map((rs, ctx) -> new Fixtures(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .findOne().orElse(new Fixtures("nobody", Long.MAX_VALUE, 0)));
        AuditFilter byActor = new AuditFilter(f.busiestActor(), null, null, null, null, null);
        String offsetPage = BenchSql.of(AuditBench.class, "offsetPage");
        noteMemoryAfterPaging(context);
        return List.of(
                page("audit.first_page", s -> new AuditService(s).page(AuditFilter.ANY, null, PAGE)),
                page("audit.filtered_page", s -> new AuditService(s).page(byActor, null, PAGE))
                        .comparedWith("audit.filtered_page.generic_plan"),
                // The prepared-statement trap: the same DAO page under a forced generic plan.
                BenchOperation.of("audit.filtered_page.generic_plan", Role.ADMIN, Permission.VIEW_AUDIT_LOG,
                        BenchTarget.BASELINE, s -> s.jdbi().useTransaction(h -> {
                            h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                            h.attach(AuditDao.class).page(byActor, null, PAGE + 1);
                        })),
                page("audit.deep_page", s -> new AuditService(s).page(AuditFilter.ANY, f.deepBeforeSeq(), PAGE))
                        .comparedWith("audit.deep_page.offset"),
                BenchOperation.of("audit.deep_page.offset", Role.ADMIN, Permission.VIEW_AUDIT_LOG, BenchTarget.BASELINE,
                        s -> s.jdbi().withHandle(h -> h.createQuery(offsetPage)
                                .bind("offset", f.deepOffset()).bind("limit", PAGE + 1).mapToMap().list())),
                BenchOperation.of("audit.chain_check", Role.ADMIN, Permission.VERIFY_AUDIT_CHAIN, BenchTarget.CHECK,
                        s -> new AuditService(s).verifyChain()));
    }

    /** Issue 8, item 6: what the audit log's rows cost in memory once 10,000 are held, as the screen holds them. */
    private static void noteMemoryAfterPaging(BenchContext context) {
        AuditService audit = new AuditService(context.session(Role.ADMIN));
        String before = MemoryFigures.describe();
        List<AuditEntry> held = new ArrayList<>();
        Long next = null;
        do {
            AuditService.Page page = audit.page(AuditFilter.ANY, next, AuditService.MAX_PAGE);
            held.addAll(page.entries());
            next = page.nextBeforeSeq();
        } while (next != null && held.size() < PAGED_ROWS);
        context.note("Memory: before paging the audit log " + before + "; holding " + held.size()
                + " audit rows (keyset pages of " + AuditService.MAX_PAGE + ") " + MemoryFigures.describe() + ".");
    }

    private static BenchOperation page(String name, BenchOperation.Body body) {
        return BenchOperation.of(name, Role.ADMIN, Permission.VIEW_AUDIT_LOG, BenchTarget.LIST_PAGE, body);
    }
}
