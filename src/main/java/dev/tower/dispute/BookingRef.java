package dev.tower.dispute;

import java.util.UUID;

/** A booking found by its order number: enough to open a dispute on it. */
public record BookingRef(UUID id, int version, String status) {}
