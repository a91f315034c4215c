package dev.tower.booking;

import dev.tower.error.NotFoundException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A booking's page: its story in one read-only transaction, so every part describes the same moment. */
public final class BookingPageService {
    private final Session session;

    public BookingPageService(Session session) {
        this.session = session;
    }

    public BookingStory open(UUID bookingId) {
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        boolean messages = session.has(Permission.READ_BOOKING_MESSAGES);
        boolean contact = session.has(Permission.VIEW_CUSTOMER_CONTACT);
        return session.jdbi().inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            BookingPageDao dao = handle.attach(BookingPageDao.class);
            BookingPage booking = dao.booking(bookingId).orElseThrow(() ->
                    new NotFoundException("There is no booking with id " + bookingId + ".", null));
            List<TimelineEvent> timeline = dao.timeline(bookingId).stream()
                    .filter(e -> messages || !e.kind().equals("message")).toList();
            List<String> next = handle.attach(BookingDao.class).legalNextStates(booking.status());
            return new BookingStory(booking, timeline, messages ? dao.thread(bookingId) : List.of(),
                    dao.reviews(bookingId), next, contact ? dao.contact(bookingId) : Optional.empty());
        });
    }
}
