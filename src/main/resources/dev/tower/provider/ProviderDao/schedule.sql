-- The provider's week, Sunday (0) first; at most one row a day (UNIQUE (provider_id, day_of_week)).
SELECT s.day_of_week, s.start_time AS start, s.end_time AS "end", coalesce(s.is_available, true) AS available,
       s.break_start_time AS break_start, s.break_end_time AS break_end,
       coalesce(s.max_bookings_per_day, 0) AS max_bookings_per_day
FROM provider_schedules s
WHERE s.provider_id = :id
ORDER BY s.day_of_week
