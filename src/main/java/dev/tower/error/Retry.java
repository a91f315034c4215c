package dev.tower.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Runs a unit of work again when PostgreSQL aborted it for a concurrent change (40001, 40P01). The
 * work must be a whole transaction: retrying half of one would repeat the half that succeeded.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private Retry() {}

    public static <T> T onConcurrentChange(int maxAttempts, Supplier<T> transaction) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                TowerException typed = ErrorClassifier.classify(e);
                if (!(typed instanceof RetryableException) || attempt >= maxAttempts) {
                    throw typed;
                }
                LOG.debug("Concurrent change, attempt {} of {}: {}", attempt, maxAttempts, e.getMessage());
            }
        }
    }
}
