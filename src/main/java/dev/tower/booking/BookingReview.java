package dev.tower.booking;

import java.time.OffsetDateTime;

public record BookingReview(OffsetDateTime at, String reviewer, String reviewed, int rating, String comment) {}
