-- Each filter is "IS NULL OR match": with bound values PostgreSQL plans the actual filter (custom
-- plan), so an action filter uses idx_audit_logs_action_name_seq. The actor filter matches part of
-- the login or of the staff member's name, ignoring case ("ops" and "DEMO_OPS" find demo_ops);
-- the % and _ people type are taken literally.
SELECT a.seq, a.created_at, a.actor_login, a.action_name, a.table_name, a.record_id, a.action,
       a.old_values::text AS old_values, a.new_values::text AS new_values
FROM public.audit_logs a
WHERE (CAST(:f.actorLogin AS text) IS NULL
       OR strpos(lower(a.actor_login), lower(:f.actorLogin)) > 0
       OR EXISTS (SELECT 1 FROM public.staff_members s
                  WHERE s.login = a.actor_login AND strpos(lower(s.display_name), lower(:f.actorLogin)) > 0))
  AND (CAST(:f.actionName AS text) IS NULL OR a.action_name = :f.actionName)
  AND (CAST(:f.tableName AS text) IS NULL OR a.table_name = :f.tableName)
  AND (CAST(:f.recordId AS text) IS NULL OR a.record_id = :f.recordId)
  AND (CAST(:f.from AS timestamptz) IS NULL OR a.created_at >= :f.from)
  AND (CAST(:f.to AS timestamptz) IS NULL OR a.created_at < :f.to)
  AND (CAST(:beforeSeq AS bigint) IS NULL OR a.seq < :beforeSeq)
ORDER BY a.seq DESC
LIMIT :limit
