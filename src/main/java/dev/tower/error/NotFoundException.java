package dev.tower.error;

/** The record someone opened or acted on is not there (any more). */
public final class NotFoundException extends TowerException {
    private final String what;

    /** @param what the missing thing in plain words, e.g. "Booking SKY-1042" */
    public NotFoundException(String what) {
        this(what, null);
    }

    public NotFoundException(String what, Throwable cause) {
        super(what + " was not found", cause);
        this.what = what;
    }

    public String what() { return what; }
}
