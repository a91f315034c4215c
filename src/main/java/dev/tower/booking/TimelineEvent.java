package dev.tower.booking;

import java.time.OffsetDateTime;

/** One thing that happened to a booking: a status change, payment, refund, dispute event or message. */
public record TimelineEvent(OffsetDateTime at, String kind, String summary, String actor) {}
