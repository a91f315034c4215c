package dev.tower.error;

/** Anything not classified otherwise: a bug, an out-of-date schema, a driver surprise. */
public final class UnexpectedException extends TowerException {
    public UnexpectedException(Throwable cause) {
        super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    @Override
    public boolean expected() {
        return false;
    }
}
