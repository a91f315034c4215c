-- Revenue and refunds over time: one row per market day, from the daily view (never the bookings).
SELECT d.day,
       sum(d.bookings)::bigint AS bookings,
       coalesce(sum(d.gross_amount) FILTER (WHERE d.status = 'completed'), 0) AS revenue,
       coalesce(sum(d.refunded_amount), 0) AS refunded
FROM public.analytics_daily_bookings d
WHERE d.day >= :from AND d.day <= :to
  AND (CAST(:area AS uuid) IS NULL OR d.service_area_id = CAST(:area AS uuid))
  AND (CAST(:category AS text) IS NULL OR d.category = CAST(:category AS text))
GROUP BY d.day
ORDER BY d.day
