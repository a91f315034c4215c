-- Verified providers with a required document running out within 30 days, from the partial index on
-- the date the database keeps per provider (providers.required_documents_expire_on, V61).
SELECT count(*)
FROM providers p
WHERE p.certification_status = 'verified' AND p.required_documents_expire_on < current_date + 30
