-- The naive way to reach a deep page, for comparison with the keyset page: the server still reads and
-- throws away every row before the offset.
SELECT a.seq, a.created_at, a.actor_login, a.action_name, a.table_name, a.record_id, a.action,
       a.old_values::text AS old_values, a.new_values::text AS new_values
FROM public.audit_logs a
ORDER BY a.seq DESC
OFFSET :offset
LIMIT :limit
