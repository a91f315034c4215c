-- The row policy already limits this to the caller's views and those shared with their role.
-- Own views first; a few dozen at most, so no paging.
SELECT id, name, owner_login, shared_with_role IS NOT NULL AS shared, owner_login = session_user AS mine,
       filters->>'status' AS status, filters->>'paymentStatus' AS payment_status,
       CAST(filters->>'from' AS timestamptz) AS from_at, CAST(filters->>'to' AS timestamptz) AS to_at,
       CAST(filters->>'serviceAreaId' AS uuid) AS service_area_id, filters->>'category' AS category,
       CAST(filters->>'providerId' AS uuid) AS provider_id, CAST(filters->>'customerId' AS uuid) AS customer_id,
       filters->>'search' AS search, CAST(filters->>'startedLateByHours' AS integer) AS started_late_by_hours
FROM booking_saved_views
ORDER BY owner_login = session_user DESC, lower(name), id
LIMIT 200
