-- Area names come from service_areas (eight rows) so a renamed area shows its new name at once.
SELECT t.service_area_id AS area_id,
       coalesce(a.name, 'Outside every area') AS area,
       t.bookings,
       t.revenue
FROM (SELECT d.service_area_id,
             sum(d.bookings)::bigint AS bookings,
             coalesce(sum(d.gross_amount) FILTER (WHERE d.status = 'completed'), 0) AS revenue
      FROM public.analytics_daily_bookings d
      WHERE d.day >= :from AND d.day <= :to
  AND (CAST(:area AS uuid) IS NULL OR d.service_area_id = CAST(:area AS uuid))
  AND (CAST(:category AS text) IS NULL OR d.category = CAST(:category AS text))
      GROUP BY d.service_area_id) t
LEFT JOIN public.service_areas a ON a.id = t.service_area_id
ORDER BY t.bookings DESC, area
