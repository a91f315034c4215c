-- One page of the verification queue, oldest submission first, keyset-paged on (submitted, id).
-- The re-verification tab starts from the expiry index (few rows), the others from the queue index.
SELECT p.id,
       coalesce(p.business_name, pr.full_name, 'Provider ' || left(p.id::text, 8)) AS business_name,
       pr.full_name AS person_name,
       p.type::text AS type,
       p.certification_status,
       p.submitted_for_verification_at AS submitted_at,
       (SELECT min(d.expires_on) FROM provider_documents d
        WHERE d.provider_id = p.id AND d.expires_on IS NOT NULL AND d.decision <> 'rejected') AS next_expiry,
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
  AND (NOT :f.reverification OR p.id IN (
        SELECT d.provider_id
        FROM provider_documents d
        JOIN providers dp ON dp.id = d.provider_id
        JOIN provider_required_documents r ON r.provider_type = dp.type AND r.kind = d.kind
        WHERE d.expires_on < current_date + 30 AND d.decision = 'approved'
          AND NOT EXISTS (SELECT 1 FROM provider_documents fresh
                          WHERE fresh.provider_id = d.provider_id AND fresh.kind = d.kind AND fresh.decision = 'approved'
                            AND (fresh.expires_on IS NULL OR fresh.expires_on >= current_date + 30))))
  AND (CAST(:f.providerType AS text) IS NULL OR p.type::text = :f.providerType)
  AND (CAST(:f.serviceArea AS text) IS NULL OR p.service_areas @> ARRAY[CAST(:f.serviceArea AS text)])
  AND (CAST(:f.expiringWithinDays AS integer) IS NULL OR EXISTS (
        SELECT 1 FROM provider_documents d
        WHERE d.provider_id = p.id AND d.decision <> 'rejected'
          AND d.expires_on < current_date + CAST(:f.expiringWithinDays AS integer)))
  AND (CAST(:f.searchPattern AS text) IS NULL OR p.id IN (
        SELECT s.id FROM providers s WHERE s.business_name ILIKE :f.searchPattern
        UNION
        SELECT s.id FROM providers s JOIN profiles sp ON sp.id = s.user_id WHERE sp.full_name ILIKE :f.searchPattern))
  AND (CAST(:afterAt AS timestamptz) IS NULL OR (p.submitted_for_verification_at, p.id) > (:afterAt, :afterId))
ORDER BY p.submitted_for_verification_at, p.id
LIMIT :limit
