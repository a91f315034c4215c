package dev.tower.booking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Everything on a booking's page except its lists: parties, listing, schedule against actual times, both
 * addresses with their points, notes, and the price breakdown. The breakdown follows seed 000's formula
 * (base + miles × per-mile + minutes × per-minute) and the platform fee setting, computed in the database,
 * beside the amounts the booking and its payments record.
 */
public record BookingPage(UUID id, String orderNumber, String status, int version, OffsetDateTime createdAt,
                          UUID customerId, String customerName, UUID providerId, String providerName,
                          String listingTitle, String category,
                          OffsetDateTime scheduledAt, OffsetDateTime scheduledEndAt,
                          OffsetDateTime actualStartAt, OffsetDateTime actualEndAt,
                          String pickupAddress, BigDecimal pickupLat, BigDecimal pickupLng,
                          String dropoffAddress, BigDecimal dropoffLat, BigDecimal dropoffLng,
                          String specialInstructions, String customerNotes, String providerNotes,
                          String cancellationCode, String cancellationReason,
                          BigDecimal miles, BigDecimal minutes, BigDecimal basePrice, BigDecimal distancePrice,
                          BigDecimal timePrice, BigDecimal computedServicePrice, BigDecimal feePercent,
                          BigDecimal computedPlatformFee, BigDecimal recordedServicePrice, BigDecimal recordedPlatformFee,
                          BigDecimal recordedTax, BigDecimal recordedTotal, BigDecimal paid, BigDecimal refunded,
                          String paymentStatus) {}
