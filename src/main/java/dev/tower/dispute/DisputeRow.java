package dev.tower.dispute;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One open dispute in the queue. {@code atStake}: what the booking cost less what is already refunded. */
public record DisputeRow(UUID id, UUID bookingId, String orderNumber, String reasonCode, String reason, String status,
                         String assignedTo, String assigneeName, OffsetDateTime openedAt, OffsetDateTime dueAt,
                         BigDecimal atStake, String areaName, boolean overdue) {}
