-- Verified providers with a required document expiring within 30 days (a small set, from the expiry index).
SELECT count(DISTINCT d.provider_id)
FROM provider_documents d
JOIN providers p ON p.id = d.provider_id AND p.certification_status = 'verified'
JOIN provider_required_documents r ON r.provider_type = p.type AND r.kind = d.kind
WHERE d.expires_on < current_date + 30 AND d.decision = 'approved'
  AND NOT EXISTS (SELECT 1 FROM provider_documents fresh
                  WHERE fresh.provider_id = d.provider_id AND fresh.kind = d.kind AND fresh.decision = 'approved'
                    AND (fresh.expires_on IS NULL OR fresh.expires_on >= current_date + 30))
