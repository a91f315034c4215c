package dev.tower.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the provider page shows above the documents. Bank and tax details appear only masked ("•••• 1234",
 * null when none are on file): the full details are encrypted for the payments service (V21).
 */
public record ProviderDetails(UUID id, String businessName, String personName, String type, String certificationStatus,
                              boolean needsReverification, int verificationVersion, Instant submittedAt,
                              String businessPhone, String businessEmail, String businessAddress, String businessWebsite,
                              List<String> certifications, List<String> serviceAreas, BigDecimal rating,
                              int reviewCount, int completedJobs, int listings, long bookings, long openBookings,
                              BigDecimal bookedTotal, String bankAccountMask, String taxIdMask) {}
