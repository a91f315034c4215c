-- One page of the verification queue, oldest submission first, keyset-paged on (submitted, id).
-- Every tab walks the queue index; the expiry filters read dates kept on the provider row (V61).
SELECT p.id,
       coalesce(p.business_name, pr.full_name, 'Provider ' || left(p.id::text, 8)) AS business_name,
       pr.full_name AS person_name,
       p.type::text AS type,
       p.certification_status,
       p.submitted_for_verification_at AS submitted_at,
       p.next_document_expiry AS next_expiry,
       (p.certification_status = 'verified' AND EXISTS (
            SELECT 1 FROM provider_required_documents r
            WHERE r.provider_type = p.type
              AND NOT EXISTS (SELECT 1 FROM provider_documents d
                              WHERE d.provider_id = p.id AND d.kind = r.kind AND d.decision = 'approved'
                                AND (d.expires_on IS NULL OR d.expires_on >= current_date)))) AS needs_reverification,
       p.verification_version,
       (SELECT count(*) FROM provider_documents d WHERE d.provider_id = p.id AND d.decision = 'pending')::int
           AS pending_documents
FROM providers p
JOIN profiles pr ON pr.id = p.user_id
WHERE p.certification_status = :f.storedStatus
  -- the dates the database keeps per provider (V61): compared with today here, so never stale
  AND (NOT :f.reverification OR p.required_documents_expire_on < current_date + 30)
  AND (CAST(:f.providerType AS text) IS NULL OR p.type::text = :f.providerType)
  AND (CAST(:f.serviceArea AS text) IS NULL OR p.service_areas @> ARRAY[CAST(:f.serviceArea AS text)])
  AND (CAST(:f.expiringWithinDays AS integer) IS NULL
       OR p.next_document_expiry < current_date + CAST(:f.expiringWithinDays AS integer))
  AND (CAST(:f.searchPattern AS text) IS NULL OR p.id IN (
        SELECT s.id FROM providers s WHERE s.business_name ILIKE :f.searchPattern
        UNION
        SELECT s.id FROM providers s JOIN profiles sp ON sp.id = s.user_id WHERE sp.full_name ILIKE :f.searchPattern))
  AND (CAST(:afterAt AS timestamptz) IS NULL OR (p.submitted_for_verification_at, p.id) > (:afterAt, :afterId))
ORDER BY p.submitted_for_verification_at, p.id
LIMIT :limit
