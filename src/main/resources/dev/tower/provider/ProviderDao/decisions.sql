-- Every past decision on the provider and its documents, newest first, from the audit log. The records
-- are looked up one by one on the log's record_id index: an OR over the whole log ordered by seq made the
-- planner walk the log backwards from its newest row (680 ms at the large scale).
WITH records AS MATERIALIZED (
    SELECT 'providers' AS table_name, CAST(:id AS text) AS record_id
    UNION ALL
    SELECT 'provider_documents', d.id::text FROM provider_documents d WHERE d.provider_id = :id
)
SELECT a.seq, a.created_at AS at, a.actor_login AS actor, a.action_name AS action,
       coalesce(a.new_values ->> 'reason', a.new_values ->> 'review_note') AS reason
FROM records r
CROSS JOIN LATERAL (
    SELECT l.seq, l.created_at, l.actor_login, l.action_name, l.new_values
    FROM audit_logs l
    WHERE l.record_id = r.record_id AND l.table_name = r.table_name
    ORDER BY l.seq DESC
    LIMIT 200
) a
ORDER BY a.seq DESC
LIMIT 200
