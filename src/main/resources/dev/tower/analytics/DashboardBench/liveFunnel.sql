WITH decided AS (
    SELECT d.provider_id, max(d.reviewed_at) AS last_decision_at
    FROM provider_documents d WHERE d.reviewed_at IS NOT NULL GROUP BY 1
)
SELECT date_trunc('month', p.submitted_for_verification_at AT TIME ZONE 'America/Detroit')::date AS month,
       p.type::text AS provider_type, count(*) AS submitted,
       count(*) FILTER (WHERE p.certification_status = 'verified') AS verified,
       count(*) FILTER (WHERE p.certification_status = 'rejected') AS rejected,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.last_decision_at - p.submitted_for_verification_at))
           FILTER (WHERE p.certification_status = 'verified') AS median_seconds
FROM providers p LEFT JOIN decided d ON d.provider_id = p.id
WHERE p.submitted_for_verification_at >= (date_trunc('month', CAST(:from AS date))::timestamp AT TIME ZONE 'America/Detroit')
  AND p.submitted_for_verification_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'America/Detroit')
  AND (CAST(:area AS uuid) IS NULL OR EXISTS (SELECT 1 FROM service_areas a
                                              WHERE a.id = CAST(:area AS uuid) AND a.name = ANY (p.service_areas)))
  AND (CAST(:category AS text) IS NULL OR CAST(:category AS text) = ANY (p.service_categories))
GROUP BY 1, 2 ORDER BY 1, 2
