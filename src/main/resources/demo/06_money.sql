-- Demo data, step 6: payments, refunds and disputes, from the booking plan.
-- A booking's payment is captured when the provider accepts it (status 'completed'); a few cards were
-- declined once first; bookings cancelled because the card failed have only the failed attempt.

-- @step payments
INSERT INTO payments (id, order_id, payment_method, payment_provider, transaction_id, amount, currency, status,
                      gateway_response, created_at, updated_at)
SELECT pg_temp.uid('payment', b.i), b.id,
       pg_temp.pick(ARRAY['card', 'card', 'card', 'apple_pay', 'google_pay'], b.i, 2201),
       'stripe',
       'ch_' || substr(md5('charge:' || b.i), 1, 24),
       b.price_total, 'USD', 'completed',
       jsonb_build_object('outcome', 'authorized', 'card_brand', pg_temp.pick(ARRAY['visa', 'mastercard', 'amex', 'discover'], b.i, 2202),
                          'last4', lpad(pg_temp.between(b.i, 2203, 0, 9999)::text, 4, '0')),
       b.t_acc, b.t_acc
FROM demo_b b
WHERE b.t_acc IS NOT NULL
UNION ALL
-- a declined first attempt before the successful one
SELECT pg_temp.uid('payment-declined', b.i), b.id, 'card', 'stripe', 'ch_' || substr(md5('declined:' || b.i), 1, 24),
       b.price_total, 'USD', 'failed',
       jsonb_build_object('outcome', 'declined', 'decline_code',
                          pg_temp.pick(ARRAY['insufficient_funds', 'expired_card', 'do_not_honor'], b.i, 2204)),
       b.t_acc - (b.t_acc - b.created_at) / 3, b.t_acc - (b.t_acc - b.created_at) / 3
FROM demo_b b
WHERE b.t_acc IS NOT NULL AND pg_temp.u(b.i, 2205) < 0.03
UNION ALL
-- the card failed and the booking was cancelled
SELECT pg_temp.uid('payment-declined', b.i), b.id, 'card', 'stripe', 'ch_' || substr(md5('declined:' || b.i), 1, 24),
       b.price_total, 'USD', 'failed',
       jsonb_build_object('outcome', 'declined', 'decline_code',
                          pg_temp.pick(ARRAY['insufficient_funds', 'expired_card', 'do_not_honor'], b.i, 2204)),
       b.created_at + (b.t_cancel - b.created_at) / 2, b.created_at + (b.t_cancel - b.created_at) / 2
FROM demo_b b
WHERE b.pay_failed
UNION ALL
-- still being authorised
SELECT pg_temp.uid('payment', b.i), b.id, 'card', 'stripe', NULL, b.price_total, 'USD', 'processing',
       jsonb_build_object('outcome', 'pending'), b.created_at, b.created_at
FROM demo_b b
WHERE b.payment_status = 'processing';

-- @step refunds
INSERT INTO refunds (id, booking_id, payment_id, amount, reason, idempotency_key, status, requested_by, requested_at,
                     approved_by, decided_at)
SELECT pg_temp.uid('refund', b.i), b.id, pg_temp.uid('payment', b.i), b.refund_req_amount,
       CASE b.refund_case
           WHEN 'cancel' THEN CASE WHEN b.refund_req_amount = b.price_total THEN 'Cancellation: full refund'
                                   ELSE 'Late cancellation: 50% refunded' END
           WHEN 'dispute_full' THEN 'Dispute resolved: full refund'
           WHEN 'dispute_partial' THEN 'Dispute resolved: partial refund'
           WHEN 'goodwill' THEN 'Goodwill credit: service was late'
           ELSE 'Customer asked for half back; not supported by the delivery evidence'
       END,
       'demo-refund-' || b.i,
       b.refund_status, b.refund_requested_by, b.refund_requested_at, b.refund_approved_by, b.refund_decided_at
FROM demo_b b
WHERE b.refund_status IS NOT NULL;

-- @step disputes
INSERT INTO disputes (id, booking_id, opened_by, reason, status, resolution, resolution_note, assigned_to, opened_at,
                      sla_due_at, reviewed_at, resolved_at, resolved_by)
SELECT pg_temp.uid('dispute', b.i), b.id, b.dispute_opened_by, b.dispute_reason,
       CASE WHEN b.t_resolve IS NOT NULL THEN 'resolved' WHEN b.t_review IS NOT NULL THEN 'under_review' ELSE 'opened' END,
       b.resolution,
       CASE b.resolution
           WHEN 'full_refund' THEN 'The evidence supports the customer; full refund issued and the booking cancelled.'
           WHEN 'partial_refund' THEN 'The service was partly delivered; partial refund agreed with both parties.'
           WHEN 'no_refund' THEN 'The provider''s proof of delivery checks out; no refund.'
       END,
       CASE WHEN b.t_review IS NOT NULL THEN 'demo_ops' END,
       b.t_dispute,
       b.t_dispute + interval '1 hour' * b.sla_hours,
       b.t_review,
       b.t_resolve,
       CASE WHEN b.t_resolve IS NOT NULL THEN 'demo_ops' END
FROM demo_b b
WHERE b.path >= 8;
