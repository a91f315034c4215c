package dev.tower.booking;

import java.time.OffsetDateTime;

/** One message of the booking's thread between customer and provider. */
public record ThreadMessage(OffsetDateTime at, String sender, String recipient, String content) {}
