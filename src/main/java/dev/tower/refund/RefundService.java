package dev.tower.refund;

import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.Retry;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Refunds through the guarded functions of V70. The database holds the rules (remainder under a row
 * lock, idempotency key, four eyes); this class asks for the permission first and types the refusals.
 */
public final class RefundService {
    public static final int MAX_PAGE = 200;
    private static final int ATTEMPTS = 3;

    private final Session session;

    public RefundService(Session session) {
        this.session = session;
    }

    /** Refunds waiting for an admin's approval, oldest first. */
    public List<RefundRow> awaitingApproval(RefundCursor after, int limit) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new ValidationException("refund.bad_page_size", "A page holds 1 to " + MAX_PAGE + " refunds.");
        }
        return read(dao -> dao.awaiting(after == null ? RefundCursor.FIRST : after, limit));
    }

    public List<RefundRow> ofBooking(UUID booking) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(dao -> dao.ofBooking(booking));
    }

    public List<RefundReason> reasons() {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(RefundDao::reasons);
    }

    /**
     * Refunds {@code amount} (as typed: the database judges it) of the booking's captured payment. Above
     * the limit it waits for another admin's approval. Sending the same key again returns the first refund.
     */
    public IssuedRefund issue(UUID booking, String amount, String reasonCode, String note, String idempotencyKey) {
        AccessGuard.require(session, Permission.ISSUE_REFUND);
        return write(dao -> dao.issue(booking, amount, reasonCode, note, idempotencyKey));
    }

    /** Approves (issues) or declines a refund someone else asked for. @return issued or rejected */
    public String decide(UUID refund, boolean approve, String note) {
        AccessGuard.require(session, Permission.APPROVE_LARGE_REFUND);
        return write(dao -> dao.decide(refund, approve, note));
    }

    /** Sends a failed refund to the payment service again, with its same key. @return the attempt number */
    public int retry(UUID refund) {
        AccessGuard.require(session, Permission.ISSUE_REFUND);
        return write(dao -> dao.retry(refund));
    }

    private <T> T read(Function<RefundDao, T> query) {
        try {
            return session.jdbi().withExtension(RefundDao.class, query::apply);
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }

    private <T> T write(Function<RefundDao, T> change) {
        try {
            return Retry.onConcurrentChange(ATTEMPTS, () -> session.jdbi().withExtension(RefundDao.class, change::apply));
        } catch (RuntimeException e) {
            throw asConflict(ErrorClassifier.classify(e));
        }
    }

    /** Someone else got there first: a conflict (reload), not a mistake in the input. */
    static TowerException asConflict(TowerException e) {
        if (e instanceof ValidationException v && (v.code().endsWith(".already_decided")
                || v.code().endsWith(".already_resolved") || v.code().endsWith(".changed_meanwhile"))) {
            return ConflictException.changedMeanwhile(v.code(), v.plainMessage(), v);
        }
        return e;
    }
}
