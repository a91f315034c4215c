package dev.tower.provider;

import java.time.Instant;
import java.util.UUID;

/** The queue's keyset cursor: submission time, then id so equal times are neither skipped nor repeated. */
public record QueueKey(Instant submittedAt, UUID id) {}
