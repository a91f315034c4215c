-- Fixture rows for the refunds bench: nine captured payments nothing was refunded from yet, the oldest
-- refund awaiting approval that demo_admin did not ask for, and a refund whose settlement failed.
SELECT (SELECT array_agg(order_id) FROM (SELECT p.order_id FROM payments p JOIN bookings b ON b.id = p.order_id
                                          WHERE p.status = 'completed' AND b.payment_status = 'paid' AND p.amount >= 20
                                          ORDER BY p.created_at DESC LIMIT 9) x) AS bookings,
       (SELECT r.id FROM refunds r WHERE r.status = 'awaiting_approval' AND r.requested_by <> 'demo_admin'
        ORDER BY r.requested_at, r.id LIMIT 1) AS awaiting,
       (SELECT o.refund_id FROM refund_outbox o WHERE o.state = 'failed' ORDER BY o.requested_at LIMIT 1) AS failed
