-- Providers per stored status, exact: kept by the database as providers change (provider_status_counts,
-- V61), so opening the queue reads four rows and never counts 100k.
SELECT s.status, coalesce(c.providers, 0) AS providers, false AS estimated
FROM (VALUES (1, 'pending'), (2, 'verified'), (3, 'rejected'), (4, 'suspended')) s(ord, status)
LEFT JOIN provider_status_counts c ON c.certification_status = s.status
ORDER BY s.ord
