SELECT l.category::text AS category, count(*) AS bookings,
       coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue
FROM bookings b JOIN listings l ON l.id = b.listing_id
WHERE b.created_at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'America/Detroit')
  AND b.created_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'America/Detroit')
  AND (CAST(:area AS uuid) IS NULL OR b.service_area_id = CAST(:area AS uuid))
  AND (CAST(:category AS text) IS NULL OR l.category::text = CAST(:category AS text))
GROUP BY 1 ORDER BY 2 DESC
