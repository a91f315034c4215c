package dev.tower.dispute;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Ages and due times in words for the queue ("3 h 20 min", "overdue by 2 h"). */
public final class DisputeTimes {
    private DisputeTimes() {}

    public static String age(OffsetDateTime openedAt, Instant now) {
        return span(Duration.between(openedAt.toInstant(), now));
    }

    public static String due(OffsetDateTime dueAt, Instant now) {
        Duration left = Duration.between(now, dueAt.toInstant());
        return left.isNegative() ? "overdue by " + span(left.negated()) : "due in " + span(left);
    }

    static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h";
        }
        return hours / 24 + " d";
    }
}
