-- One dispute with what the resolution form needs: the captured payment, what is already refunded or
-- waiting for approval, and the fee's share of that, so the form can show the split of a new refund.
SELECT d.id, d.booking_id, b.order_number, b.status::text AS booking_status, b.version AS booking_version,
       d.status, d.reason_code, d.reason, d.note, d.assigned_to, d.opened_at, d.sla_due_at AS due_at,
       coalesce(p.amount, 0) AS captured, b.platform_fee,
       coalesce(r.reserved, 0) AS reserved, coalesce(r.fee_reserved, 0) AS fee_reserved,
       d.resolution, d.resolution_note, d.resolved_by, d.resolved_at
FROM disputes d
JOIN bookings b ON b.id = d.booking_id
LEFT JOIN LATERAL (SELECT pp.id, pp.amount FROM payments pp
                   WHERE pp.order_id = b.id AND pp.status IN ('completed', 'partially_refunded', 'refunded')
                   ORDER BY pp.created_at DESC, pp.id DESC LIMIT 1) p ON true
LEFT JOIN LATERAL (SELECT sum(rr.amount) AS reserved, sum(coalesce(rr.platform_fee_share, 0)) AS fee_reserved
                   FROM refunds rr WHERE rr.payment_id = p.id AND rr.status IN ('awaiting_approval', 'issued')) r ON true
WHERE d.id = :id
