-- Each filter is "IS NULL OR equal": with bound values PostgreSQL plans the actual filter (custom
-- plan), so an actor or action filter uses idx_audit_logs_actor_seq / _action_name_seq.
SELECT a.seq, a.created_at, a.actor_login, a.action_name, a.table_name, a.record_id, a.action,
       a.old_values::text AS old_values, a.new_values::text AS new_values
FROM public.audit_logs a
WHERE (CAST(:f.actorLogin AS text) IS NULL OR a.actor_login = :f.actorLogin)
  AND (CAST(:f.actionName AS text) IS NULL OR a.action_name = :f.actionName)
  AND (CAST(:f.tableName AS text) IS NULL OR a.table_name = :f.tableName)
  AND (CAST(:f.recordId AS text) IS NULL OR a.record_id = :f.recordId)
  AND (CAST(:f.from AS timestamptz) IS NULL OR a.created_at >= :f.from)
  AND (CAST(:f.to AS timestamptz) IS NULL OR a.created_at < :f.to)
  AND (CAST(:beforeSeq AS bigint) IS NULL OR a.seq < :beforeSeq)
ORDER BY a.seq DESC
LIMIT :limit
