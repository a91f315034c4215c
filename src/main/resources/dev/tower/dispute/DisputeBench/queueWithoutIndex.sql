-- The naive queue: the same rows and joins, ordered by an expression no index has, so every unresolved
-- dispute is read and sorted (the queue before the partial index on the due time of unresolved disputes).
SELECT d.id, d.booking_id, b.order_number, d.reason_code, d.reason, d.status, d.assigned_to,
       s.display_name AS assignee_name, d.opened_at, d.sla_due_at AS due_at,
       b.price_total - b.refund_amount AS at_stake, sa.name AS area_name,
       d.sla_due_at < now() AS overdue
FROM disputes d
JOIN bookings b ON b.id = d.booking_id
LEFT JOIN service_areas sa ON sa.id = b.service_area_id
LEFT JOIN staff_members s ON s.login = d.assigned_to
WHERE d.status <> 'resolved'
ORDER BY d.sla_due_at + interval '0', d.id
LIMIT :limit
