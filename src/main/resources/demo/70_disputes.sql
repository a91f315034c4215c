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

-- @step provider-earnings
-- A refund takes back from the provider only its provider share (the platform gives back its fee share), as
-- tower_internal.apply_issued_refund does live. 08_finish.sql ran before the split was known and took each
-- completed booking's whole refunded amount (at most its service price) off the earnings: give back the
-- difference. Touches only the providers with an issued refund on a completed booking.
UPDATE providers p
SET total_earnings = p.total_earnings + x.give_back
FROM (SELECT b.provider_id, sum(least(b.refund_amount, b.service_price) - r.provider_share) AS give_back
      FROM bookings b
      JOIN (SELECT booking_id, sum(provider_share) AS provider_share FROM refunds WHERE status = 'issued'
            GROUP BY booking_id) r ON r.booking_id = b.id
      WHERE b.status = 'completed'
      GROUP BY b.provider_id) x
WHERE x.provider_id = p.id;

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
-- three of those was sent again by ops and then succeeded, on attempt 2), and those of the last hour are
-- still being sent. demo_refund_settlement keeps the times and outcomes for the history step below.
CREATE TEMPORARY TABLE demo_refund_settlement ON COMMIT DROP AS
SELECT r.id AS refund_id, r.idempotency_key, r.payment_id, r.amount, t.sent_at, t.took,
       coalesce(r.approved_by, r.requested_by) AS sent_by,
       t.sent_at > ${as_of} - interval '1 hour' AS pending,
       t.sent_at <= ${as_of} - interval '1 hour' AND h.k % 60 = 20 AS retried,
       t.sent_at <= ${as_of} - interval '1 hour' AND h.k % 20 = 0 AND h.k % 60 <> 20 AS failed,
       (ARRAY['card_expired: the customer''s card has expired; the bank refused the refund',
              'account_closed: the card account was closed',
              'gateway_timeout: the payment gateway did not answer in time'])[1 + h.k / 20 % 3] AS failure,
       're_' || substr(md5('refund:' || r.id), 1, 24) AS reference
FROM refunds r
CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) AS k) h
CROSS JOIN LATERAL (SELECT coalesce(r.decided_at, r.requested_at) AS sent_at,
                           interval '1 second' * (20 + h.k % 600) AS took) t
-- the wipe emptied the outbox (it references refunds), so each issued refund gets exactly one row
WHERE r.status = 'issued' AND r.payment_id IS NOT NULL;

-- a retry goes out 15 minutes after the failure (so under 30 minutes after the first send, before as_of)
INSERT INTO refund_outbox (refund_id, idempotency_key, payment_id, amount, state, gateway_reference, failure_reason,
                           attempts, requested_at, completed_at)
SELECT s.refund_id, s.idempotency_key, s.payment_id, s.amount,
       CASE WHEN s.pending THEN 'requested' WHEN s.failed THEN 'failed' ELSE 'succeeded' END,
       CASE WHEN NOT s.pending AND NOT s.failed THEN s.reference END,
       CASE WHEN s.failed THEN s.failure END,
       CASE WHEN s.retried THEN 2 ELSE 1 END,
       CASE WHEN s.retried THEN s.sent_at + s.took + interval '15 minutes' ELSE s.sent_at END,
       CASE WHEN s.pending THEN NULL
            WHEN s.retried THEN s.sent_at + 2 * s.took + interval '15 minutes'
            ELSE s.sent_at + s.took END
FROM demo_refund_settlement s;

-- @step refund-outbox-history
-- Each attempt's life as the V120 trigger writes it (the load runs with triggers off): sent by whoever issued
-- or approved the refund, then the payment service's outcome; a retried refund failed first, with a reason,
-- and demo_ops sent it again.
INSERT INTO refund_outbox_events (outbox_id, refund_id, attempt, state, gateway_reference, failure_reason,
                                  recorded_by, at)
SELECT o.id, o.refund_id, e.attempt, e.state, e.reference, e.failure, e.recorded_by, e.at
FROM demo_refund_settlement s
JOIN refund_outbox o ON o.refund_id = s.refund_id
CROSS JOIN LATERAL (VALUES
        (1, 'requested', NULL, NULL, s.sent_by, s.sent_at, true),
        (1, 'failed', NULL, s.failure, 'payment_service', s.sent_at + s.took, s.retried),
        (2, 'requested', NULL, NULL, 'demo_ops', o.requested_at, s.retried),
        (o.attempts, o.state, o.gateway_reference, o.failure_reason, 'payment_service', o.completed_at, o.state <> 'requested')
    ) AS e (attempt, state, reference, failure, recorded_by, at, happened)
WHERE e.happened;
