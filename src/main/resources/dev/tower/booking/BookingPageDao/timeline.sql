-- Status history, payments, refunds with their life at the payment service (each attempt sent, then
-- refunded with the gateway's reference or failed with its reason), dispute events and messages in time
-- order; each branch reads by its booking index (idx_booking_status_history_booking, idx_payments_order_id,
-- idx_refunds_booking then idx_refund_outbox_events_refund, idx_disputes_booking, idx_messages_booking_thread).
-- Ties sort by kind, then by a key that puts a refund's request, its decision ('d') and its outbox events
-- ('o' and the event's id) in that order.
SELECT at, kind, summary, actor FROM (
    SELECT h.changed_at AS at, 'status' AS kind,
           CASE WHEN h.from_status IS NULL THEN 'Booked as ' || h.to_status
                ELSE 'Moved from ' || h.from_status || ' to ' || h.to_status END
           || coalesce(': ' || h.note, '') AS summary,
           coalesce(s.display_name, h.changed_by) AS actor, h.id::text AS tie
    FROM booking_status_history h LEFT JOIN staff_members s ON s.login = h.changed_by
    WHERE h.booking_id = :id
    UNION ALL
    SELECT p.created_at, 'payment', format('Payment of %s %s by %s: %s', p.amount, p.currency, p.payment_method, p.status),
           p.payment_provider, p.id::text
    FROM payments p WHERE p.order_id = :id
    UNION ALL
    SELECT r.requested_at, 'refund', format('Refund of %s requested (%s): %s', r.amount, r.status, r.reason),
           r.requested_by, r.id::text
    FROM refunds r WHERE r.booking_id = :id
    UNION ALL
    SELECT r.decided_at, 'refund', format('Refund of %s %s', r.amount, r.status), r.approved_by, r.id::text || 'd'
    FROM refunds r WHERE r.booking_id = :id AND r.decided_at IS NOT NULL
    UNION ALL
    SELECT e.at, 'refund',
           CASE e.state
               WHEN 'requested' THEN
                   CASE WHEN e.attempt = 1
                        THEN format('Refund of %s sent to the payment service (key %s)', r.amount, r.idempotency_key)
                        ELSE format('Refund of %s sent to the payment service again (attempt %s, same key %s)',
                                    r.amount, e.attempt, r.idempotency_key) END
               WHEN 'succeeded' THEN format('Payment service refunded %s (attempt %s): gateway reference %s',
                                            r.amount, e.attempt, e.gateway_reference)
               ELSE format('Payment service could not refund %s (attempt %s): %s', r.amount, e.attempt, e.failure_reason)
           END,
           CASE WHEN e.state = 'requested' THEN coalesce(s.display_name, e.recorded_by) ELSE 'Payment service' END,
           r.id::text || 'o' || lpad(e.id::text, 19, '0')
    FROM refunds r
    JOIN refund_outbox_events e ON e.refund_id = r.id
    LEFT JOIN staff_members s ON s.login = e.recorded_by
    WHERE r.booking_id = :id
    UNION ALL
    SELECT d.opened_at, 'dispute', 'Dispute opened: ' || d.reason, NULL, d.id::text
    FROM disputes d WHERE d.booking_id = :id
    UNION ALL
    SELECT d.resolved_at, 'dispute', 'Dispute resolved: ' || replace(d.resolution, '_', ' ')
           || coalesce(' — ' || d.resolution_note, ''), d.resolved_by, d.id::text || 'r'
    FROM disputes d WHERE d.booking_id = :id AND d.resolved_at IS NOT NULL
    UNION ALL
    SELECT m.created_at, 'message', left(m.content, 120), sp.full_name, m.id::text
    FROM messages m JOIN profiles sp ON sp.id = m.sender_id WHERE m.booking_id = :id
) events
ORDER BY at, kind, tie
