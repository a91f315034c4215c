-- Top providers within an area and/or category, from the per-cell view (V110), the way topProviders.sql
-- ranks the unfiltered ones: the cells the filter covers are (month, area, category) combinations; each
-- cell's 100 best by revenue (an index scan per cell) are the candidates, and only their cells inside the
-- filter are summed. A provider outside every cell's 100 earned at most that cell's 100th revenue in each
-- full cell, so at most "bound" in all; when the last candidate reaches the bound the list is exact.
WITH months AS (
    SELECT generate_series(date_trunc('month', CAST(:from AS date)), CAST(:to AS date), interval '1 month')::date AS month
), categories AS (
    SELECT c.category::text AS category
    FROM unnest(enum_range(NULL::public.service_category)) c(category)
    WHERE CAST(:category AS text) IS NULL OR c.category::text = CAST(:category AS text)
), areas AS (
    SELECT a.id AS service_area_id FROM public.service_areas a
    WHERE CAST(:area AS uuid) IS NULL OR a.id = CAST(:area AS uuid)
), best AS (
    SELECT m.month, c.category, a.service_area_id, t.provider_id, t.revenue
    FROM months m CROSS JOIN categories c CROSS JOIN areas a
    CROSS JOIN LATERAL (SELECT pc.provider_id, pc.revenue FROM public.analytics_provider_cells pc
                        WHERE pc.month = m.month AND pc.category = c.category AND pc.service_area_id = a.service_area_id
                        ORDER BY pc.revenue DESC LIMIT 100) t
    UNION ALL
    -- bookings outside every area belong to "any area" only
    SELECT m.month, c.category, NULL, t.provider_id, t.revenue
    FROM months m CROSS JOIN categories c
    CROSS JOIN LATERAL (SELECT pc.provider_id, pc.revenue FROM public.analytics_provider_cells pc
                        WHERE pc.month = m.month AND pc.category = c.category AND pc.service_area_id IS NULL
                        ORDER BY pc.revenue DESC LIMIT 100) t
    WHERE CAST(:area AS uuid) IS NULL
), bound AS (
    SELECT coalesce(sum(CASE WHEN n = 100 THEN least_revenue ELSE 0 END), 0) AS bound
    FROM (SELECT count(*) AS n, min(b.revenue) AS least_revenue FROM best b
          GROUP BY b.month, b.category, b.service_area_id) per_cell
), totals AS (
    SELECT c.provider_id, s.bookings, s.completed, s.revenue, s.disputes
    FROM (SELECT DISTINCT b.provider_id FROM best b) c
    CROSS JOIN LATERAL (SELECT sum(pc.bookings)::bigint AS bookings,
                               sum(pc.completed)::bigint AS completed,
                               sum(pc.revenue) AS revenue,
                               sum(pc.disputes)::bigint AS disputes
                        FROM public.analytics_provider_cells pc
                        WHERE pc.provider_id = c.provider_id
                          AND pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
                          AND (CAST(:area AS uuid) IS NULL OR pc.service_area_id = CAST(:area AS uuid))
                          AND (CAST(:category AS text) IS NULL OR pc.category = CAST(:category AS text))) s
    ORDER BY s.revenue DESC, c.provider_id
    LIMIT :limit
)
SELECT t.provider_id,
       coalesce(p.business_name, 'Provider ' || left(t.provider_id::text, 8)) AS name,
       t.bookings, t.completed, t.revenue, t.disputes,
       (count(*) OVER () < :limit OR min(t.revenue) OVER () >= (SELECT bound FROM bound)) AS exact
FROM totals t
JOIN public.providers p ON p.id = t.provider_id
ORDER BY t.revenue DESC, t.provider_id
