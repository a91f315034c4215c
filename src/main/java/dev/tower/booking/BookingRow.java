package dev.tower.booking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the bookings browser. */
public record BookingRow(UUID id, String orderNumber, OffsetDateTime createdAt, OffsetDateTime scheduledAt,
                         String status, String paymentStatus, String customerName, String providerName,
                         String dropoffAddress, BigDecimal priceTotal, int version) {}
