-- Demo data, step 30 (issue 11): the bookings browser's extras. Set-based and deterministic.
-- Cancelled bookings get the reason code their free-text reason implies; ops get two shared saved views.

-- @step booking-cancel-codes
UPDATE bookings
SET cancellation_code = CASE
        WHEN cancellation_reason ILIKE '%dispute%' THEN 'other'
        WHEN cancellation_reason ILIKE 'Customer%' THEN 'customer_request'
        WHEN cancellation_reason ILIKE '%weather%' OR cancellation_reason ILIKE '%wind%'
             OR cancellation_reason ILIKE '%airspace%' OR cancellation_reason ILIKE '%rain%' THEN 'weather'
        WHEN cancellation_reason ILIKE 'Provider%' THEN 'provider_unavailable'
        WHEN cancellation_reason ILIKE '%payment%' OR cancellation_reason ILIKE '%card%' THEN 'payment_failed'
        ELSE 'other' END
WHERE status = 'cancelled' AND cancellation_code IS NULL;

-- @step booking-saved-views
INSERT INTO booking_saved_views (owner_login, name, filters, shared_with_role)
VALUES ('demo_ops', 'Accepted, not started 2 h after schedule', '{"status": "accepted", "startedLateByHours": 2}', 'tower_ops'),
       ('demo_ops', 'Disputed bookings', '{"status": "disputed"}', 'tower_ops'),
       ('demo_ops', 'Refunded payments', '{"paymentStatus": "refunded"}', NULL)
ON CONFLICT (owner_login, name) DO UPDATE SET filters = EXCLUDED.filters, shared_with_role = EXCLUDED.shared_with_role;
