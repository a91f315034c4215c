package dev.tower.booking;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.NotFoundException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.testing.TestSessions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A booking's page: the price breakdown by seed 000's formula, a timeline in time order, thread and review. */
class BookingPageServiceTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @Test
    void breakdownTimelineThreadAndReviewsOfOneBooking() throws Exception {
        TestRows.Chain chain = rows.chain("in_progress");
        UUID booking = chain.booking();
        UUID providerUser = rows.queryUuid("SELECT user_id FROM providers WHERE id = ?", chain.provider());
        rows.update("UPDATE listings SET price_per_mile = 2.00, price_per_minute = 0.50 WHERE id = ?", chain.listing());
        // 0.1 degree of latitude north: 6.91 miles; a 30-minute slot
        rows.update("""
                UPDATE bookings SET pickup_lat = 42.2314, pickup_lng = -83.0458,
                       scheduled_end_at = scheduled_at + interval '30 minutes', special_instructions = 'Leave at the back door'
                WHERE id = ?""", booking);
        rows.update("""
                INSERT INTO payments (order_id, payment_method, payment_provider, amount, status, created_at)
                VALUES (?, 'card', 'stripe', 42.50, 'completed', now() - interval '2 hours')""", booking);
        rows.update("""
                INSERT INTO messages (booking_id, sender_id, recipient_id, content, created_at)
                VALUES (?, ?, ?, 'Running ten minutes late', now() - interval '1 hour')""", booking, providerUser, chain.consumer());
        rows.update("""
                INSERT INTO disputes (booking_id, opened_by, reason, opened_at, sla_due_at)
                VALUES (?, ?, 'Parcel arrived damaged', now() - interval '30 minutes', now() + interval '2 days')""",
                booking, chain.consumer());
        rows.update("""
                INSERT INTO refunds (booking_id, amount, reason, idempotency_key, status, requested_at)
                VALUES (?, 10.00, 'Damaged parcel', ?, 'issued', now() - interval '10 minutes')""", booking, UUID.randomUUID().toString());

        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            new BookingService(ops.session()).move(booking, version(booking), BookingTransition.COMPLETE, null, "Delivered");
            rows.update("INSERT INTO reviews (booking_id, reviewer_id, reviewed_id, rating, comment) VALUES (?, ?, ?, 4, 'Quick')",
                    booking, chain.consumer(), providerUser);

            BookingStory story = new BookingPageService(ops.session()).open(booking);
            BookingPage page = story.booking();
            assertThat(page.status()).isEqualTo("completed");
            assertThat(page.miles()).isEqualByComparingTo("6.91");
            assertThat(page.minutes()).isEqualByComparingTo("30");
            assertThat(page.basePrice()).isEqualByComparingTo("20.00");
            assertThat(page.distancePrice()).isEqualByComparingTo("13.82");
            assertThat(page.timePrice()).isEqualByComparingTo("15.00");
            assertThat(page.computedServicePrice()).isEqualByComparingTo("48.82");
            assertThat(page.computedPlatformFee()).isEqualByComparingTo(page.computedServicePrice()
                    .multiply(page.feePercent()).divide(new BigDecimal(100), 2, java.math.RoundingMode.HALF_EVEN));
            assertThat(page.paid()).isEqualByComparingTo("42.50");
            assertThat(page.refunded()).isEqualByComparingTo("10.00");
            assertThat(page.specialInstructions()).isEqualTo("Leave at the back door");
            assertThat(page.actualEndAt()).isNotNull();

            assertThat(story.timeline()).isSortedAccordingTo(Comparator.comparing(TimelineEvent::at));
            assertThat(story.timeline()).extracting(TimelineEvent::kind)
                    .contains("status", "payment", "message", "dispute", "refund");
            assertThat(story.timeline().getLast().summary()).isEqualTo("Moved from in_progress to completed: Delivered");
            assertThat(story.timeline().getLast().actor()).isEqualTo("Olivia Ops");
            assertThat(story.thread()).extracting(ThreadMessage::content).containsExactly("Running ten minutes late");
            assertThat(story.reviews()).extracting(BookingReview::rating).containsExactly(4);
            assertThat(story.nextStates()).containsExactly("disputed");
            assertThat(story.contact()).isPresent();
            assertThat(story.contact().get().phone()).isEqualTo("+1 313 555 0100");

            assertThatThrownBy(() -> new BookingPageService(ops.session()).open(UUID.randomUUID()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> new BookingPageService(TestSessions.offline(Role.ANALYST)).open(booking))
                .isInstanceOf(AccessDeniedException.class);
    }

    private int version(UUID booking) throws java.sql.SQLException {
        try (var c = db.superuser().getConnection()) {
            return Integer.parseInt(dev.tower.testing.SqlProbe.value(c, "SELECT version FROM bookings WHERE id = '" + booking + "'"));
        }
    }
}
