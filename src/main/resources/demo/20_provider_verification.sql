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

-- Some verified providers are suspended (1 in 40, chosen by a hash of the id so regeneration picks the
-- same ones). verified follows the status, as the decision functions keep it.
-- @step suspended_providers
UPDATE providers
SET certification_status = 'suspended', verified = false, verification_version = verification_version + 2
WHERE certification_status = 'verified' AND abs(hashtext('suspend:' || id::text)) % 40 = 0;

-- Some verified providers need re-verification: one required document (1 in 25 providers) runs out
-- between 15 days ago and 29 days ahead of the demo's day, so both the expired and the expiring queue
-- have rows. The lowest-sorting required kind is the one moved, deterministically.
-- @step reverification_due
-- The kind is picked for all chosen providers at once (DISTINCT ON), not by a subquery per document:
-- this runs while the load's indexes are off, where a correlated subquery scans the documents per row.
UPDATE provider_documents d
SET expires_on = ${as_of_date} + (abs(hashtext('expiry:' || pick.provider_id::text)) % 45 - 15)
FROM (SELECT DISTINCT ON (p.id) p.id AS provider_id, r.kind
      FROM providers p
      JOIN provider_required_documents r ON r.provider_type = p.type
                                        AND r.kind IN ('insurance', 'drivers_licence', 'faa_part_107')
      JOIN provider_documents d2 ON d2.provider_id = p.id AND d2.kind = r.kind AND d2.decision = 'approved'
      WHERE p.certification_status = 'verified'
        AND abs(hashtext('reverify:' || p.id::text)) % 25 = 0
      ORDER BY p.id, r.sort_order) pick
WHERE d.provider_id = pick.provider_id
  AND d.kind = pick.kind
  AND d.decision = 'approved';

-- Bank and tax details of verified and suspended providers, encrypted for the payments service (V21).
-- pgp_pub_encrypt costs about 0.1 ms a call (115 µs in ProviderPayoutDetailsTest), some 20 s for two per
-- provider at 100k; so 64 distinct account numbers and 64 tax numbers are encrypted once each and shared
-- by hash of the provider's id;
-- each mask is that of the value actually encrypted. Ciphertexts differ between runs (OpenPGP uses a
-- random session key); the plaintext each provider gets does not.
-- @step payout_details
CREATE TEMP TABLE demo_payout_pool AS
SELECT n,
       tower_internal.seal_for_payments(bank.clear) AS bank_pgp, tower_internal.payout_mask(bank.account) AS bank_mask,
       tower_internal.seal_for_payments(tax.clear) AS tax_pgp,
       tower_internal.payout_mask(tax.tin) AS tax_mask
FROM generate_series(0, 63) AS n
CROSS JOIN LATERAL (SELECT lpad((1000003 * (n + 1) % 100000000)::text, 10, '4') AS account) a
CROSS JOIN LATERAL (SELECT a.account,
                           jsonb_build_object('bank', 'Motor City Credit Union', 'routing_number', '072000326',
                                              'account_number', a.account)::text AS clear) bank
CROSS JOIN LATERAL (SELECT lpad((7919 * (n + 11) % 1000000000)::text, 9, '8') AS tin) t
CROSS JOIN LATERAL (SELECT t.tin, jsonb_build_object('form', 'W-9', 'tin', t.tin)::text AS clear) tax;

INSERT INTO provider_payout_details (provider_id, bank_account_pgp, bank_account_mask, tax_id_pgp, tax_id_mask, updated_at)
SELECT p.id, pool.bank_pgp, pool.bank_mask, pool.tax_pgp, pool.tax_mask, p.updated_at
FROM providers p
JOIN demo_payout_pool pool ON pool.n = abs(hashtext('payout:' || p.id::text)) % 64
WHERE p.certification_status IN ('verified', 'suspended')
ON CONFLICT (provider_id) DO NOTHING;

DROP TABLE demo_payout_pool;

-- What the database keeps from the providers as they change (V61): the tab and area counts and each
-- provider's document dates. The load runs with triggers off, so they are computed once here, set-based,
-- after the last change to providers and their documents above.
-- @step provider_summaries
SELECT tower_internal.recount_providers();
SELECT tower_internal.refresh_provider_document_dates(NULL);
