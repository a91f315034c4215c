-- Every provider's cells of the filter's slice summed, best revenue first: exact, the fallback of topProvidersFiltered.
SELECT pc.provider_id,
       coalesce(p.business_name, 'Provider ' || left(pc.provider_id::text, 8)) AS name,
       sum(pc.bookings)::bigint AS bookings,
       sum(pc.completed)::bigint AS completed,
       sum(pc.revenue) AS revenue,
       sum(pc.disputes)::bigint AS disputes
FROM public.analytics_provider_cells pc
JOIN public.providers p ON p.id = pc.provider_id
WHERE pc.by_area = (CAST(:area AS uuid) IS NOT NULL)
  AND pc.by_category = (CAST(:category AS text) IS NOT NULL)
  AND pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
  AND pc.service_area_id IS NOT DISTINCT FROM CAST(:area AS uuid)
  AND pc.category IS NOT DISTINCT FROM CAST(:category AS text)
GROUP BY pc.provider_id, p.business_name
ORDER BY revenue DESC, pc.provider_id
LIMIT :limit
