package dev.tower.dispute;

import dev.tower.booking.BookingPageService;
import dev.tower.booking.BookingStory;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.NotFoundException;
import dev.tower.refund.RefundService;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Builds a dispute's evidence pack as PDF bytes, read from the booking page and the dispute's own rows. */
public final class EvidencePackService {
    private final Session session;
    private final BookingPageService bookings;
    private final RefundService refunds;
    private final Clock clock;
    private final ZoneId zone;

    public EvidencePackService(Session session, BookingPageService bookings, RefundService refunds, Clock clock, ZoneId zone) {
        this.session = session;
        this.bookings = bookings;
        this.refunds = refunds;
        this.clock = clock;
        this.zone = zone;
    }

    public byte[] evidencePack(UUID dispute) {
        AccessGuard.require(session, Permission.VIEW_DISPUTES);
        AccessGuard.require(session, Permission.VIEW_BOOKINGS);
        try {
            DisputeDetail detail = session.jdbi().withExtension(DisputeDao.class, dao -> dao.detail(dispute))
                    .orElseThrow(() -> new NotFoundException("Dispute " + dispute, null));
            BookingStory story = bookings.open(detail.bookingId());
            List<ProviderDocumentSummary> documents = session.jdbi().withExtension(DisputeDao.class,
                    dao -> dao.providerDocuments(detail.bookingId()));
            EvidencePack pack = new EvidencePack(detail, story, refunds.ofBooking(detail.bookingId()), documents,
                    session.displayName() + " (" + session.login() + ")", OffsetDateTime.now(clock));
            return new EvidencePackWriter(zone).write(pack);
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }
}
