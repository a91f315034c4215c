SELECT to_status::text FROM booking_status_transitions
WHERE from_status = CAST(:status AS booking_status)
ORDER BY array_position(enum_range(NULL::booking_status), to_status)
