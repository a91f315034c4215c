-- Every provider's cells inside the filter summed, best revenue first: exact, the fallback of topProvidersFiltered.
SELECT pc.provider_id,
       coalesce(p.business_name, 'Provider ' || left(pc.provider_id::text, 8)) AS name,
       sum(pc.bookings)::bigint AS bookings,
       sum(pc.completed)::bigint AS completed,
       sum(pc.revenue) AS revenue,
       sum(pc.disputes)::bigint AS disputes
FROM public.analytics_provider_cells pc
JOIN public.providers p ON p.id = pc.provider_id
WHERE pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
  AND (CAST(:area AS uuid) IS NULL OR pc.service_area_id = CAST(:area AS uuid))
  AND (CAST(:category AS text) IS NULL OR pc.category = CAST(:category AS text))
GROUP BY pc.provider_id, p.business_name
ORDER BY revenue DESC, pc.provider_id
LIMIT :limit
