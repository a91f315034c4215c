package dev.tower.booking;

import dev.tower.error.ConflictException;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.util.List;
import java.util.UUID;

/** The bookings browser and the staff transitions (issue 11). */
public final class BookingService {
    public static final int MAX_PAGE = 200;

    private final Session session;

    public BookingService(Session session) {
        this.session = session;
    }

    /**
     * Up to {@code limit} bookings matching {@code filter}, in its sort order, strictly after {@code after}
     * (null: from the newest). The screen kit's keyset list asks for one row more than it shows.
     */
    public List<BookingRow> read(BookingFilter filter, BookingCursor after, int limit) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        if (limit < 1 || limit > MAX_PAGE + 1) {
            throw new ValidationException("booking.bad_page_size", "A page holds 1 to " + MAX_PAGE + " bookings.");
        }
        BookingFilter f = filter == null ? BookingFilter.ANY : filter;
        BookingCursor c = after == null ? BookingCursor.FIRST : after;
        BookingSort s = f.sort();
        return session.jdbi().withExtension(BookingDao.class, dao -> f.search() == null
                ? dao.page(f, c, limit, s.column(), s.direction(), s.after())
                : BookingSearch.read(dao, f, c, limit));
    }

    /** About how many bookings there are, from the planner's statistics (never a count over the table). */
    public long estimatedTotal() {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        return session.jdbi().withExtension(BookingDao.class, BookingDao::estimateAll);
    }

    /**
     * How many bookings match, counted only up to {@code cap}: a result above {@code cap} means "more than
     * cap". Reads at most cap + 1 rows of the same keyset page, so it stays cheap at a million bookings.
     */
    public int countUpTo(BookingFilter filter, int cap) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        if (cap < 1 || cap > MAX_PAGE) {
            throw new ValidationException("booking.bad_count_cap", "Count up to 1 to " + MAX_PAGE + " bookings.");
        }
        return read(filter, null, cap + 1).size();
    }

    public List<ServiceAreaChoice> serviceAreas() {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        return session.jdbi().withExtension(BookingDao.class, BookingDao::serviceAreas);
    }

    /** The caller's saved views and those shared with their role, their own first. */
    public List<SavedView> savedViews() {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        return session.jdbi().withExtension(SavedViewDao.class, SavedViewDao::visible);
    }

    /** Saves {@code filter} as the caller's view {@code name} (replacing one of that name); shared: with their role. */
    public UUID saveView(String name, BookingFilter filter, boolean shared) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        BookingFilter f = filter == null ? BookingFilter.ANY : filter;
        try {
            return session.jdbi().withExtension(SavedViewDao.class, dao -> dao.save(name, f, shared));
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }

    public void deleteView(UUID view) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        try {
            session.jdbi().withExtension(SavedViewDao.class, dao -> dao.delete(view));
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }

    /** The states the transition table allows from {@code status}, in the diagram's order. */
    public List<String> legalNextStates(String status) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        return session.jdbi().withExtension(BookingDao.class, dao -> dao.legalNextStates(status));
    }

    public List<CancelReason> cancelReasons() {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        return session.jdbi().withExtension(BookingDao.class, BookingDao::cancelReasons);
    }

    /**
     * Moves the booking to {@code target} through its guarded function.
     *
     * @param version the version the user was looking at; a newer one in the database is a {@link ConflictException}
     * @return the booking's new version
     */
    public int move(UUID booking, int version, BookingTransition target, String reasonCode, String note) {
        AccessGuard.require(session, Permission.CHANGE_BOOKING_STATUS);
        try {
            return session.jdbi().withExtension(BookingDao.class, dao -> switch (target) {
                case ACCEPT -> dao.accept(booking, version, note);
                case START -> dao.start(booking, version, note);
                case COMPLETE -> dao.complete(booking, version, note);
                case CANCEL -> dao.cancel(booking, version, reasonCode, note);
                case DISPUTE -> dao.markDisputed(booking, version, note);
            });
        } catch (RuntimeException e) {
            TowerException typed = ErrorClassifier.classify(e);
            if (typed instanceof ValidationException v && v.code().endsWith(".changed_meanwhile")) {
                throw new ConflictException(v.code(), v.plainMessage(), e);
            }
            throw typed;
        }
    }
}
