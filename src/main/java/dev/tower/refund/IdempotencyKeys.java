package dev.tower.refund;

import java.util.UUID;

/** Idempotency keys for refunds: made before anything is sent, kept with the form until it succeeds. */
public final class IdempotencyKeys {
    private IdempotencyKeys() {}

    public static String next() {
        return "tower-" + UUID.randomUUID();
    }
}
