-- Top providers without summing every provider: each month's 100 best by revenue (an index scan per
-- month) are the candidates; only their months are summed. A provider outside every month's 100 earned
-- at most that month's 100th revenue in each month, so at most "bound" in all; when the 15th candidate
-- reaches the bound the list is exact (exact = true), otherwise the service asks topProvidersExact.
WITH months AS (
    SELECT generate_series(date_trunc('month', CAST(:from AS date)), CAST(:to AS date), interval '1 month')::date AS month
), best AS (
    SELECT m.month, t.provider_id, t.revenue
    FROM months m
    CROSS JOIN LATERAL (SELECT pm.provider_id, pm.revenue FROM public.analytics_provider_months pm
                        WHERE pm.month = m.month ORDER BY pm.revenue DESC LIMIT 100) t
), bound AS (
    SELECT coalesce(sum(CASE WHEN n = 100 THEN least_revenue ELSE 0 END), 0) AS bound
    FROM (SELECT b.month, count(*) AS n, min(b.revenue) AS least_revenue FROM best b GROUP BY b.month) per_month
), totals AS (
    -- one index range per candidate (a lateral, so the planner cannot pick a scan of every provider-month)
    SELECT c.provider_id, s.bookings, s.completed, s.revenue, s.disputes
    FROM (SELECT DISTINCT b.provider_id FROM best b) c
    CROSS JOIN LATERAL (SELECT sum(pm.bookings)::bigint AS bookings,
                               sum(pm.completed)::bigint AS completed,
                               sum(pm.revenue) AS revenue,
                               sum(pm.disputes)::bigint AS disputes
                        FROM public.analytics_provider_months pm
                        WHERE pm.provider_id = c.provider_id
                          AND pm.month >= date_trunc('month', CAST(:from AS date))::date AND pm.month <= :to) s
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
