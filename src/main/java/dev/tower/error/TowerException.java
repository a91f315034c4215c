package dev.tower.error;

/**
 * Root of Tower's typed failures. Each subtype is one thing a person can act on; {@link ErrorText}
 * turns it into plain words. The Java message is for the log and the details pane, never the headline.
 */
public abstract sealed class TowerException extends RuntimeException
        permits AccessDeniedException, ValidationException, ConflictException, NotFoundException,
        ConnectionLostException, RetryableException, SignInRefusedException, UnexpectedException {

    protected TowerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for failures caused by people or data (bad input, no permission), not by the system. */
    public boolean expected() {
        return true;
    }
}
