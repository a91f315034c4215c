-- Top providers within an area and/or category, exact: the providers of the filter's cells (V110) ranked by
-- their revenue over the period, read index-only from the area's or the category's rank index (provider and
-- revenue are in it; staff pools plan each statement with its values, so the filter that is set picks its
-- index), then the winners' other sums from their own cells.
WITH ranked AS (
    SELECT pc.provider_id, sum(pc.revenue) AS revenue
    FROM public.analytics_provider_cells pc
    WHERE pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
      AND (CAST(:area AS uuid) IS NULL OR pc.service_area_id = CAST(:area AS uuid))
      AND (CAST(:category AS text) IS NULL OR pc.category = CAST(:category AS text))
    GROUP BY pc.provider_id
    ORDER BY revenue DESC, pc.provider_id
    LIMIT :limit
)
SELECT r.provider_id,
       coalesce(p.business_name, 'Provider ' || left(r.provider_id::text, 8)) AS name,
       s.bookings, s.completed, r.revenue, s.disputes
FROM ranked r
JOIN public.providers p ON p.id = r.provider_id
CROSS JOIN LATERAL (SELECT sum(pc.bookings)::bigint AS bookings, sum(pc.completed)::bigint AS completed,
                           sum(pc.disputes)::bigint AS disputes
                    FROM public.analytics_provider_cells pc
                    WHERE pc.provider_id = r.provider_id
                      AND pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
                      AND (CAST(:area AS uuid) IS NULL OR pc.service_area_id = CAST(:area AS uuid))
                      AND (CAST(:category AS text) IS NULL OR pc.category = CAST(:category AS text))) s
ORDER BY r.revenue DESC, r.provider_id
