package dev.tower.audit;

import dev.tower.error.ValidationException;

import java.time.Instant;

/** What the Audit screen filters on; every field is optional (null or blank = any). */
public record AuditFilter(String actorLogin, String actionName, String tableName, String recordId,
                         Instant from, Instant to) {
    public static final AuditFilter ANY = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        actorLogin = blankToNull(actorLogin);
        actionName = blankToNull(actionName);
        tableName = blankToNull(tableName);
        recordId = blankToNull(recordId);
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException("audit.bad_period", "The start of the period is after its end.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
