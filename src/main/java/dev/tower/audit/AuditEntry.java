package dev.tower.audit;

import java.time.Instant;

/** One row of the audit log; old/new values are the JSON the database stored. */
public record AuditEntry(long seq, Instant createdAt, String actorLogin, String actionName, String tableName,
                         String recordId, String action, String oldValues, String newValues) {}
