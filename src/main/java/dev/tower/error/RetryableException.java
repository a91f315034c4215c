package dev.tower.error;

/**
 * A serialization failure or deadlock (40001, 40P01): nothing was changed and the same work may
 * succeed if run again. {@link Retry} does that a bounded number of times before this reaches a person.
 */
public final class RetryableException extends TowerException {
    public RetryableException(Throwable cause) {
        super("Concurrent change, safe to retry: " + cause.getMessage(), cause);
    }
}
