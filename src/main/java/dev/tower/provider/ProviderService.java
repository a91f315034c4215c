package dev.tower.provider;

import dev.tower.error.NotFoundException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;
import dev.tower.ui.kit.DocumentBytes;
import dev.tower.ui.kit.DocumentRendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Provider verification: the queue, the provider page, and every decision. Decisions are checked
 * here for the obvious (a reason where one is needed) and enforced by the ops.* functions.
 */
public final class ProviderService {
    public static final int MAX_PAGE = 200;

    private final Session session;

    public ProviderService(Session session) {
        this.session = session;
    }

    /** Up to {@code limit} providers after {@code after} (null: the oldest submission first). */
    public List<QueueRow> queue(QueueFilter filter, QueueKey after, int limit) {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new ValidationException("provider.bad_page_size", "A page holds 1 to " + MAX_PAGE + " providers.");
        }
        if (filter.expiringWithinDays() != null && (filter.expiringWithinDays() < 1 || filter.expiringWithinDays() > 366)) {
            throw new ValidationException("provider.bad_expiry_window", "Choose between 1 and 366 days.");
        }
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.queue(filter,
                after == null ? null : after.submittedAt(), after == null ? null : after.id(), limit));
    }

    /** Providers per tab, exact: the database keeps the status counts as providers change (V61). */
    public List<StatusCount> counts() {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> {
            List<StatusCount> counts = new ArrayList<>(dao.statusCounts());
            counts.add(new StatusCount("reverification", dao.reverificationCount(), false));
            return List.copyOf(counts);
        });
    }

    public ProviderDetails details(UUID providerId) {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.details(providerId))
                .orElseThrow(() -> new NotFoundException("This provider"));
    }

    public List<ProviderDocument> documents(UUID providerId) {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.documents(providerId));
    }

    /** The weekly schedule, Sunday first. */
    public List<ScheduleDay> schedule(UUID providerId) {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.schedule(providerId));
    }

    /** Up to {@code limit} listings, active first; ask for one more than you show to know there are more. */
    public List<ProviderListing> listings(UUID providerId, int limit) {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new ValidationException("provider.bad_page_size", "A page holds 1 to " + MAX_PAGE + " listings.");
        }
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.listings(providerId, limit));
    }

    /** Past decisions from the audit log (only reviewers read the log). */
    public List<PastDecision> decisions(UUID providerId) {
        AccessGuard.require(session, Permission.REVIEW_PROVIDER_DOCUMENTS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.decisions(providerId));
    }

    /** A document's bytes for the viewer (none past the viewer's size limit). */
    public DocumentBytes documentFile(UUID documentId) {
        AccessGuard.require(session, Permission.REVIEW_PROVIDER_DOCUMENTS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.documentFile(documentId, DocumentRendering.MAX_BYTES))
                .orElseThrow(() -> new NotFoundException("This document"));
    }

    public List<RequiredDocument> requiredDocuments() {
        AccessGuard.require(session, Permission.VIEW_PROVIDERS);
        return session.jdbi().withExtension(ProviderDao.class, ProviderDao::requiredDocuments);
    }

    public Instant acceptDocument(UUID documentId) {
        AccessGuard.require(session, Permission.REVIEW_PROVIDER_DOCUMENTS);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.decideDocument(documentId, "approved", null));
    }

    public Instant rejectDocument(UUID documentId, String reason) {
        AccessGuard.require(session, Permission.REVIEW_PROVIDER_DOCUMENTS);
        String why = requireReason(reason, "reject a document");
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.decideDocument(documentId, "rejected", why));
    }

    /** @return the provider's new version */
    public int verify(UUID providerId, int expectedVersion) {
        AccessGuard.require(session, Permission.VERIFY_PROVIDER);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.verify(providerId, expectedVersion));
    }

    public int reject(UUID providerId, int expectedVersion, String reason) {
        AccessGuard.require(session, Permission.VERIFY_PROVIDER);
        String why = requireReason(reason, "reject a provider");
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.reject(providerId, expectedVersion, why));
    }

    public int suspend(UUID providerId, int expectedVersion, String reason) {
        AccessGuard.require(session, Permission.VERIFY_PROVIDER);
        String why = requireReason(reason, "suspend a provider");
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.suspend(providerId, expectedVersion, why));
    }

    public int reinstate(UUID providerId, int expectedVersion, String reason) {
        AccessGuard.require(session, Permission.VERIFY_PROVIDER);
        String why = requireReason(reason, "reinstate a provider");
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.reinstate(providerId, expectedVersion, why));
    }

    /** All or nothing; a refusal names each provider that cannot be verified and why. */
    public int bulkVerify(Collection<UUID> providerIds) {
        AccessGuard.require(session, Permission.VERIFY_PROVIDER);
        if (providerIds == null || providerIds.isEmpty()) {
            throw new ValidationException("provider.none_selected", "Select at least one provider to verify.");
        }
        UUID[] ids = providerIds.toArray(UUID[]::new);
        return session.jdbi().withExtension(ProviderDao.class, dao -> dao.bulkVerify(ids));
    }

    private static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("provider.reason_required", "Give a reason to " + what + ".");
        }
        return reason.strip();
    }
}
