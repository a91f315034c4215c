-- Fixture rows for the disputes bench, looked up once before timing (each by an index).
SELECT (SELECT d.sla_due_at FROM disputes d WHERE d.status <> 'resolved' ORDER BY d.sla_due_at, d.id
        OFFSET (SELECT count(*) / 2 FROM disputes WHERE status <> 'resolved') LIMIT 1) AS deep_due,
       (SELECT d.id FROM disputes d WHERE d.status <> 'resolved' ORDER BY d.sla_due_at, d.id
        OFFSET (SELECT count(*) / 2 FROM disputes WHERE status <> 'resolved') LIMIT 1) AS deep_id,
       (SELECT d.id FROM disputes d JOIN bookings b ON b.id = d.booking_id
        WHERE d.status <> 'resolved' AND b.status = 'disputed' AND b.payment_status = 'paid'
        ORDER BY d.sla_due_at, d.id LIMIT 1) AS open_dispute,
       (SELECT b.id FROM bookings b WHERE b.status = 'completed' AND b.payment_status = 'paid'
          AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = b.id AND p.status = 'completed')
        ORDER BY b.created_at DESC LIMIT 1) AS completed_booking
