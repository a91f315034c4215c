package dev.tower.audit;

import dev.tower.error.ValidationException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A point in the audit hash chain (position, head hash, when it was taken) kept outside the database:
 * checked against it later, a rewritten and re-chained log shows, however well it was re-chained.
 */
public record AuditCheckpoint(long seq, String headHash, Instant takenAt) {
    private static final String HEADER = "tower-audit-checkpoint v1";
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    /** The small text file an admin keeps (a few lines of key=value). */
    public String toText() {
        return HEADER + "\nseq=" + seq + "\nhead_hash=" + (headHash == null ? "" : headHash) + "\ntaken_at=" + takenAt + "\n";
    }

    public static AuditCheckpoint parse(String text) {
        String[] lines = text == null ? new String[0] : text.strip().split("\\R");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw notACheckpoint();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                values.put(lines[i].substring(0, eq).strip(), lines[i].substring(eq + 1).strip());
            }
        }
        try {
            long seq = Long.parseLong(values.getOrDefault("seq", ""));
            String hash = values.getOrDefault("head_hash", "");
            if (seq < 0 || (seq == 0) != hash.isEmpty() || (!hash.isEmpty() && !HASH.matcher(hash).matches())) {
                throw notACheckpoint();
            }
            return new AuditCheckpoint(seq, hash.isEmpty() ? null : hash, Instant.parse(values.getOrDefault("taken_at", "")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw notACheckpoint();
        }
    }

    private static ValidationException notACheckpoint() {
        return new ValidationException("audit.bad_checkpoint", "This file is not a Tower audit checkpoint.");
    }
}
