package dev.tower.schema;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.time.Instant;

/** One line of the migrations panel: Flyway's view of one migration, with what is wrong with it in words. */
public record MigrationRow(String version, String description, String type, String script, Instant installedOn,
                           String installedBy, Integer executionMs, Status status, String problem) {

    public enum Status {
        APPLIED("Applied"), PENDING("Pending"), FAILED("Failed"), MISSING("Missing file"),
        FUTURE("Newer than Tower"), CHECKSUM_MISMATCH("File changed"), IGNORED("Ignored");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }

        /** Whether the panel makes the row stand out. */
        public boolean needsAttention() { return this != APPLIED; }
    }

    static MigrationRow of(MigrationInfo info) {
        Status status = statusOf(info);
        String version = info.getVersion() == null ? "" : info.getVersion().getVersion();
        return new MigrationRow(version, info.getDescription(), info.getType() == null ? "" : info.getType().name(),
                info.getScript(), info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getInstalledBy(), info.getExecutionTime(), status, problemOf(status, info));
    }

    private static Status statusOf(MigrationInfo info) {
        MigrationState state = info.getState();
        return switch (state) {
            case PENDING, OUT_OF_ORDER -> Status.PENDING;
            case FAILED -> Status.FAILED;
            case MISSING_SUCCESS, MISSING_FAILED -> Status.MISSING;
            case FUTURE_SUCCESS, FUTURE_FAILED -> Status.FUTURE;
            case IGNORED, ABOVE_TARGET, BELOW_BASELINE, BASELINE_IGNORED -> Status.IGNORED;
            default -> state.isResolved() && state.isApplied() && !info.isChecksumMatching()
                    ? Status.CHECKSUM_MISMATCH : Status.APPLIED;
        };
    }

    private static String problemOf(Status status, MigrationInfo info) {
        return switch (status) {
            case APPLIED -> "";
            case PENDING -> "Not applied to this database yet.";
            case FAILED -> "Failed when it was applied; the database may hold part of it. Fix the cause, then repair"
                    + " (removes the failed entry) and migrate again.";
            case MISSING -> "Applied to the database, but this build has no file for it.";
            case FUTURE -> "Applied by a newer Tower; this build does not know it.";
            case CHECKSUM_MISMATCH -> "The file " + info.getScript() + " changed after it was applied (checksum "
                    + info.getAppliedChecksum() + " in the database, " + info.getResolvedChecksum() + " in the file).";
            case IGNORED -> "Skipped: lower than the latest applied version.";
        };
    }
}
