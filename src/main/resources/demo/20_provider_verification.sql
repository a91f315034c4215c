-- Demo data, provider verification (issue 9): when each provider's current submission began, which the
-- verification queue is ordered by. The upload trigger keeps it live; the generator loads with triggers
-- off, so it is set here from the data: the first document upload, else when the provider signed up.
-- Deterministic (no now()), one set-based statement.

-- @step submitted_for_verification_at
UPDATE providers p
SET submitted_for_verification_at = coalesce(d.first_upload, p.created_at)
FROM providers p2
LEFT JOIN (SELECT provider_id, min(uploaded_at) AS first_upload FROM provider_documents GROUP BY provider_id) d
       ON d.provider_id = p2.id
WHERE p2.id = p.id
  AND p.submitted_for_verification_at IS DISTINCT FROM coalesce(d.first_upload, p.created_at);
