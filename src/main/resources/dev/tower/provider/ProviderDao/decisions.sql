-- Every past decision on the provider and its documents, newest first, from the audit log.
SELECT a.seq, a.created_at AS at, a.actor_login AS actor, a.action_name AS action,
       coalesce(a.new_values ->> 'reason', a.new_values ->> 'review_note') AS reason
FROM audit_logs a
WHERE (a.table_name = 'providers' AND a.record_id = CAST(:id AS text))
   OR (a.table_name = 'provider_documents' AND a.record_id IN (
          SELECT d.id::text FROM provider_documents d WHERE d.provider_id = :id))
ORDER BY a.seq DESC
LIMIT 200
