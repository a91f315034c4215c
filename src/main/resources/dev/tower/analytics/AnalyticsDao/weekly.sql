-- Weeks that start inside the period (a period starting mid-week includes that whole week).
SELECT w.week,
       sum(w.bookings)::bigint AS bookings,
       sum(w.refunds)::bigint AS refunds,
       coalesce(sum(w.refunded_amount), 0) AS refunded_amount,
       sum(w.disputes_opened)::bigint AS disputes_opened
FROM public.analytics_weekly_refunds_disputes w
WHERE w.week >= date_trunc('week', CAST(:from AS date))::date AND w.week <= :to
  AND (CAST(:area AS uuid) IS NULL OR w.service_area_id = CAST(:area AS uuid))
  AND (CAST(:category AS text) IS NULL OR w.category = CAST(:category AS text))
GROUP BY w.week
ORDER BY w.week
