package dev.tower.app;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.booking.BookingPageService;
import dev.tower.dispute.EvidencePackService;
import dev.tower.refund.RefundService;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A dispute's evidence pack for {@code tower bench}, as ops, wired as the composition root wires it (it
 * reads the booking page and the refunds, so it lives where features are composed). No target in the
 * issue: it is reported, one PDF per run.
 */
public final class EvidencePackBench implements BenchOperations {
    @Override
    public List<BenchOperation> operations(BenchContext context) {
        UUID dispute = context.superuser().withHandle(h -> h.createQuery("""
                SELECT d.id FROM disputes d WHERE d.status <> 'resolved' ORDER BY d.sla_due_at, d.id LIMIT 1""")
                .mapTo(UUID.class).findOne().orElse(null));
        if (dispute == null) {
            return List.of();
        }
        return List.of(BenchOperation.of("disputes.evidence_pack", Role.OPS, Permission.VIEW_DISPUTES, BenchTarget.CHECK,
                s -> new EvidencePackService(s, new BookingPageService(s), new RefundService(s), Clock.systemUTC(),
                        ZoneId.of("UTC")).evidencePack(dispute)));
    }
}
