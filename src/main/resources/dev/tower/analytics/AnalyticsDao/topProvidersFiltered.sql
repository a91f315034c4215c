-- Top providers within an area and/or category, from the sliced per-cell view (V110), the way
-- topProviders.sql ranks the unfiltered ones: the filter names one slice (by area, by category, or both)
-- and one cell per month in it; each month's cell gives its 100 best by revenue (an index scan), the
-- candidates, and only their cells inside the filter are summed. A provider outside every month's 100
-- earned at most that month's 100th revenue in each full month, so at most "bound" in all; when the last
-- candidate reaches the bound the list is exact (else the service asks topProvidersFilteredExact).
-- Called only with a filter (the unfiltered ranking reads analytics_provider_months).
WITH months AS (
    SELECT generate_series(date_trunc('month', CAST(:from AS date)), CAST(:to AS date), interval '1 month')::date AS month
), best AS (
    -- one branch per slice, each on its partial index; the other two are cut off by their constant test
    SELECT m.month, t.provider_id, t.revenue
    FROM months m
    CROSS JOIN LATERAL (SELECT pc.provider_id, pc.revenue FROM public.analytics_provider_cells pc
                        WHERE pc.by_area AND NOT pc.by_category
                          AND pc.month = m.month AND pc.service_area_id = CAST(:area AS uuid)
                        ORDER BY pc.revenue DESC LIMIT 100) t
    WHERE CAST(:area AS uuid) IS NOT NULL AND CAST(:category AS text) IS NULL
    UNION ALL
    SELECT m.month, t.provider_id, t.revenue
    FROM months m
    CROSS JOIN LATERAL (SELECT pc.provider_id, pc.revenue FROM public.analytics_provider_cells pc
                        WHERE pc.by_category AND NOT pc.by_area
                          AND pc.month = m.month AND pc.category = CAST(:category AS text)
                        ORDER BY pc.revenue DESC LIMIT 100) t
    WHERE CAST(:area AS uuid) IS NULL AND CAST(:category AS text) IS NOT NULL
    UNION ALL
    SELECT m.month, t.provider_id, t.revenue
    FROM months m
    CROSS JOIN LATERAL (SELECT pc.provider_id, pc.revenue FROM public.analytics_provider_cells pc
                        WHERE pc.by_area AND pc.by_category
                          AND pc.month = m.month AND pc.service_area_id = CAST(:area AS uuid)
                          AND pc.category = CAST(:category AS text)
                        ORDER BY pc.revenue DESC LIMIT 100) t
    WHERE CAST(:area AS uuid) IS NOT NULL AND CAST(:category AS text) IS NOT NULL
), bound AS (
    SELECT coalesce(sum(CASE WHEN n = 100 THEN least_revenue ELSE 0 END), 0) AS bound
    FROM (SELECT count(*) AS n, min(b.revenue) AS least_revenue FROM best b GROUP BY b.month) per_month
), totals AS (
    SELECT c.provider_id, s.bookings, s.completed, s.revenue, s.disputes
    FROM (SELECT DISTINCT b.provider_id FROM best b) c
    CROSS JOIN LATERAL (SELECT sum(pc.bookings)::bigint AS bookings,
                               sum(pc.completed)::bigint AS completed,
                               sum(pc.revenue) AS revenue,
                               sum(pc.disputes)::bigint AS disputes
                        FROM public.analytics_provider_cells pc
                        WHERE pc.provider_id = c.provider_id
                          AND pc.by_area = (CAST(:area AS uuid) IS NOT NULL)
                          AND pc.by_category = (CAST(:category AS text) IS NOT NULL)
                          AND pc.month >= date_trunc('month', CAST(:from AS date))::date AND pc.month <= :to
                          AND pc.service_area_id IS NOT DISTINCT FROM CAST(:area AS uuid)
                          AND pc.category IS NOT DISTINCT FROM CAST(:category AS text)) s
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
