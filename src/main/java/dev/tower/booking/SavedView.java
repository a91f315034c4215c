package dev.tower.booking;

import java.time.Instant;
import java.util.UUID;

/** A named filter set from {@code booking_saved_views}: the caller's own, or shared with their role. */
public record SavedView(UUID id, String name, String ownerLogin, boolean shared, boolean mine,
                        String status, String paymentStatus, Instant fromAt, Instant toAt, UUID serviceAreaId,
                        String category, UUID providerId, UUID customerId, String search,
                        Integer startedLateByHours) {
    public BookingFilter filter() {
        return new BookingFilter(status, paymentStatus, fromAt, toAt, serviceAreaId, category, providerId, customerId,
                search, startedLateByHours);
    }
}
