-- A booking's refunds with their settlement state, newest first (few per booking; idx_refunds_booking).
SELECT r.id, r.booking_id, b.order_number, r.amount, r.reason_code, coalesce(r.note, r.reason) AS note, r.status,
       r.requested_by, coalesce(s.display_name, r.requested_by) AS requester_name, r.requested_at,
       r.platform_fee_share, r.provider_share, o.state AS settlement, o.gateway_reference, o.failure_reason,
       coalesce(o.attempts, 0) AS attempts
FROM refunds r
JOIN bookings b ON b.id = r.booking_id
LEFT JOIN staff_members s ON s.login = r.requested_by
LEFT JOIN refund_outbox o ON o.refund_id = r.id
WHERE r.booking_id = :booking
ORDER BY r.requested_at DESC, r.id DESC
