-- Demo data, step 70 (issue 12): disputes and refunds in the shape the V70 rules keep. Set-based and
-- deterministic (hashes of ids): each statement touches only the disputes or refunds (a few percent of
-- the bookings), so it stays a few seconds at 1M bookings.

-- @step dispute-reason-codes
UPDATE disputes
SET reason_code = CASE
        WHEN reason ILIKE '%never%' OR reason ILIKE '%nothing arrived%' OR reason ILIKE '%never delivered%' THEN 'not_delivered'
        WHEN reason ILIKE '%damaged%' OR reason ILIKE '%missing%' OR reason ILIKE '%unusable%' THEN 'damaged_or_incomplete'
        WHEN reason ILIKE '%late%' THEN 'late'
        WHEN reason ILIKE '%blurry%' OR reason ILIKE '%cold%' THEN 'poor_quality'
        WHEN reason ILIKE '%without consent%' THEN 'conduct'
        ELSE 'other' END,
    note = coalesce(note, 'Opened by the customer in the app.');

-- @step refund-details
-- The reason code the free-text reason implies, the note, and who pays it back: the platform's fee share in
-- proportion to the captured payment, the rest clawed back from the provider.
UPDATE refunds r
SET reason_code = CASE WHEN r.reason ILIKE 'Dispute%' THEN 'service_not_delivered'
                       WHEN r.reason ILIKE '%cancel%' THEN 'requested_by_customer'
                       ELSE 'other' END,
    note = r.reason,
    platform_fee_share = s.fee_share,
    provider_share = r.amount - s.fee_share
FROM (SELECT r2.id, least(r2.amount, round(b.platform_fee * r2.amount / nullif(b.price_total, 0), 2)) AS fee_share
      FROM refunds r2 JOIN bookings b ON b.id = r2.booking_id) s
WHERE s.id = r.id;

-- @step dispute-refund-links
UPDATE refunds r
SET dispute_id = d.id
FROM disputes d
WHERE d.booking_id = r.booking_id AND r.reason ILIKE 'Dispute%';

UPDATE disputes d
SET refund_id = r.id
FROM refunds r
WHERE r.dispute_id = d.id AND d.resolution IN ('full_refund', 'partial_refund');

-- @step refund-outbox
-- Every issued refund went to the payment service: most succeeded, about one in twenty failed (one in
-- three of those was retried and then succeeded), and those of the last hour are still being sent.
INSERT INTO refund_outbox (refund_id, idempotency_key, payment_id, amount, state, gateway_reference, failure_reason,
                           attempts, requested_at, completed_at)
SELECT r.id, r.idempotency_key, r.payment_id, r.amount,
       CASE WHEN r.decided_at > ${as_of} - interval '1 hour' THEN 'requested'
            WHEN h.k % 20 = 0 THEN 'failed'
            ELSE 'succeeded' END,
       CASE WHEN r.decided_at > ${as_of} - interval '1 hour' OR h.k % 20 = 0 THEN NULL
            ELSE 're_' || substr(md5('refund:' || r.id), 1, 24) END,
       CASE WHEN r.decided_at > ${as_of} - interval '1 hour' OR h.k % 20 <> 0 THEN NULL
            ELSE (ARRAY['card_expired: the customer''s card has expired; the bank refused the refund',
                        'account_closed: the card account was closed',
                        'gateway_timeout: the payment gateway did not answer in time'])[1 + h.k / 20 % 3] END,
       CASE WHEN h.k % 60 = 20 THEN 2 ELSE 1 END,
       coalesce(r.decided_at, r.requested_at),
       CASE WHEN r.decided_at > ${as_of} - interval '1 hour' THEN NULL
            ELSE coalesce(r.decided_at, r.requested_at) + interval '1 second' * (20 + h.k % 600) END
FROM refunds r
CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) AS k) h
-- the wipe emptied the outbox (it references refunds), so each issued refund gets exactly one row
WHERE r.status = 'issued' AND r.payment_id IS NOT NULL;
