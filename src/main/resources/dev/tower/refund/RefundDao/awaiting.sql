-- Refunds waiting for an admin's approval, oldest first; keyset on (requested_at, id) over idx_refunds_awaiting.
SELECT r.id, r.booking_id, b.order_number, r.amount, r.reason_code, coalesce(r.note, r.reason) AS note, r.status,
       r.requested_by, coalesce(s.display_name, r.requested_by) AS requester_name, r.requested_at,
       r.platform_fee_share, r.provider_share, o.state AS settlement, o.gateway_reference, o.failure_reason,
       coalesce(o.attempts, 0) AS attempts
FROM refunds r
JOIN bookings b ON b.id = r.booking_id
LEFT JOIN staff_members s ON s.login = r.requested_by
LEFT JOIN refund_outbox o ON o.refund_id = r.id
WHERE r.status = 'awaiting_approval'
  AND (r.requested_at, r.id) > (coalesce(CAST(:c.at AS timestamptz), '-infinity'),
                                coalesce(CAST(:c.id AS uuid), '00000000-0000-0000-0000-000000000000'))
ORDER BY r.requested_at, r.id
LIMIT :limit
