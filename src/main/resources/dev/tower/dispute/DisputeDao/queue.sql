-- Unresolved disputes by due time: overdue ones come first because they are due earliest, then the
-- soonest due. Keyset on (sla_due_at, id), read in order from the partial index idx_disputes_open_due.
SELECT d.id, d.booking_id, b.order_number, d.reason_code, d.reason, d.status, d.assigned_to,
       s.display_name AS assignee_name, d.opened_at, d.sla_due_at AS due_at,
       b.price_total - b.refund_amount AS at_stake, sa.name AS area_name,
       d.sla_due_at < now() AS overdue
FROM disputes d
JOIN bookings b ON b.id = d.booking_id
LEFT JOIN service_areas sa ON sa.id = b.service_area_id
LEFT JOIN staff_members s ON s.login = d.assigned_to
WHERE d.status <> 'resolved'
  AND (d.sla_due_at, d.id) > (coalesce(CAST(:c.due AS timestamptz), '-infinity'),
                              coalesce(CAST(:c.id AS uuid), '00000000-0000-0000-0000-000000000000'))
  AND (CAST(:f.dueWithinHours AS integer) IS NULL
       OR d.sla_due_at <= now() + make_interval(hours => CAST(:f.dueWithinHours AS integer)))
  AND (CAST(:f.reasonCode AS text) IS NULL OR d.reason_code = CAST(:f.reasonCode AS text))
  AND (CAST(:f.areaId AS uuid) IS NULL OR b.service_area_id = CAST(:f.areaId AS uuid))
  AND (CAST(:f.assignee AS text) IS NULL OR d.assigned_to = CAST(:f.assignee AS text))
  AND (NOT :f.unassignedOnly OR d.assigned_to IS NULL)
ORDER BY d.sla_due_at, d.id
LIMIT :limit
