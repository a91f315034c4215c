package dev.tower.provider;

import java.time.Instant;

/** One decision on the provider or one of its documents, from the audit log. */
public record PastDecision(long seq, Instant at, String actor, String action, String reason) {}
