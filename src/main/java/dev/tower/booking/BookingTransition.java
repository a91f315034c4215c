package dev.tower.booking;

import java.util.Arrays;
import java.util.Optional;

/** A staff move of a booking: the status it leads to, its keyboard shortcut and what it needs. */
public enum BookingTransition {
    ACCEPT("accepted", "Accept", "A"),
    START("in_progress", "Start", "S"),
    COMPLETE("completed", "Complete", "C"),
    CANCEL("cancelled", "Cancel…", "X"),
    DISPUTE("disputed", "Mark disputed…", "D");

    private final String targetStatus;
    private final String label;
    private final String shortcut;

    BookingTransition(String targetStatus, String label, String shortcut) {
        this.targetStatus = targetStatus;
        this.label = label;
        this.shortcut = shortcut;
    }

    public String targetStatus() { return targetStatus; }

    public String label() { return label; }

    public String shortcut() { return shortcut; }

    public boolean needsReason() { return this == CANCEL; }

    public boolean needsNote() { return this == CANCEL || this == DISPUTE; }

    public static Optional<BookingTransition> to(String status) {
        return Arrays.stream(values()).filter(t -> t.targetStatus.equals(status)).findFirst();
    }
}
