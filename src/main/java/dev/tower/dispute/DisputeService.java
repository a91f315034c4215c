package dev.tower.dispute;

import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.NotFoundException;
import dev.tower.error.Retry;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The disputes queue and the guarded dispute functions (V70): open, claim/assign/release, resolve once. */
public final class DisputeService {
    public static final int MAX_PAGE = 200;
    private static final int ATTEMPTS = 3;

    private final Session session;

    public DisputeService(Session session) {
        this.session = session;
    }

    /** Up to {@code limit} open disputes matching {@code filter} by due time, strictly after {@code after}. */
    public List<DisputeRow> queue(DisputeFilter filter, DisputeCursor after, int limit) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new ValidationException("dispute.bad_page_size", "A page holds 1 to " + MAX_PAGE + " disputes.");
        }
        if (filter != null && filter.dueWithinHours() != null && (filter.dueWithinHours() < 0 || filter.dueWithinHours() > 8760)) {
            throw new ValidationException("dispute.bad_due_within", "Due within must be 0 to 8760 hours.");
        }
        return read(dao -> dao.queue(filter == null ? DisputeFilter.ALL : filter,
                after == null ? DisputeCursor.FIRST : after, limit));
    }

    public DisputeDetail detail(UUID dispute) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(dao -> dao.detail(dispute)).orElseThrow(() ->
                new NotFoundException("Dispute " + dispute, null));
    }

    public List<Choice> reasons() {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(DisputeDao::reasons);
    }

    public List<Choice> assignees() {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(DisputeDao::assignees);
    }

    public List<AreaChoice> areas() {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        return read(DisputeDao::areas);
    }

    /** Takes the dispute yourself (it goes under review). */
    public void claim(UUID dispute) {
        AccessGuard.require(session, Permission.RESOLVE_DISPUTE);
        assign(dispute, session.login());
    }

    /** Gives it to another ops or admin login; null releases it. */
    public void assign(UUID dispute, String login) {
        AccessGuard.require(session, Permission.RESOLVE_DISPUTE);
        write(dao -> dao.assign(dispute, login));
    }

    public void release(UUID dispute) {
        AccessGuard.require(session, Permission.RESOLVE_DISPUTE);
        assign(dispute, null);
    }

    /** The booking with this order number (as ops type it, e.g. SM-00001234). */
    public BookingRef booking(String orderNumber) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        String n = orderNumber == null ? "" : orderNumber.strip().toUpperCase(java.util.Locale.ROOT);
        return read(dao -> dao.bookingByOrderNumber(n)).orElseThrow(() ->
                new ValidationException("dispute.unknown_booking", "There is no booking with order number \"" + n + "\"."));
    }

    /** Opens a dispute on a booking at {@code bookingVersion}; the booking moves to disputed. */
    public UUID open(UUID booking, int bookingVersion, String reasonCode, String note) {
        AccessGuard.require(session, Permission.RESOLVE_DISPUTE);
        return write(dao -> dao.open(booking, bookingVersion, reasonCode, note));
    }

    /**
     * Resolves the dispute once. A refund (full: what remains; partial: {@code amount} as typed) also needs
     * {@link Permission#ISSUE_REFUND}, which everyone who may resolve holds. Someone else resolving first is a
     * {@link ConflictException} saying who and how.
     */
    public ResolutionOutcome resolve(UUID dispute, Resolution resolution, String amount, String refundReason,
                                     String note, String idempotencyKey) {
        AccessGuard.require(session, Permission.RESOLVE_DISPUTE);
        if (resolution != Resolution.NO_REFUND) {
            AccessGuard.require(session, Permission.ISSUE_REFUND);
        }
        return write(dao -> dao.resolve(dispute, resolution.code(), amount, refundReason, note, idempotencyKey));
    }

    private <T> T read(Function<DisputeDao, T> query) {
        try {
            return session.jdbi().withExtension(DisputeDao.class, query::apply);
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }

    private <T> T write(Function<DisputeDao, T> change) {
        try {
            return Retry.onConcurrentChange(ATTEMPTS, () -> session.jdbi().withExtension(DisputeDao.class, change::apply));
        } catch (RuntimeException e) {
            throw asConflict(ErrorClassifier.classify(e));
        }
    }

    static TowerException asConflict(TowerException e) {
        if (e instanceof ValidationException v && (v.code().endsWith(".already_resolved")
                || v.code().endsWith(".changed_meanwhile"))) {
            return ConflictException.changedMeanwhile(v.code(), v.plainMessage(), v);
        }
        return e;
    }
}
