-- Top providers within an area, a category or both, exact, from running totals (V130): one row per provider
-- of the filter's slice (staff pools plan each statement with its values, so the NULL tests below fold into
-- "category IS NULL" and the like and the index's range is used).
-- A period [first month, last month] is the total through the last month minus the total through the month
-- before the first; width_bucket finds, in the row's ascending months, how many are at or before a month.
-- A provider counts when it had bookings in the period (a month of its own inside it).
-- Pruned exactly (V131): a period's revenue never exceeds the provider's whole total, so the N-th best period
-- among the :leaders largest totals is a bar no provider below it can reach; only totals at or above the bar
-- are ranked (without leaders enough for a bar, every provider of the slice: all totals are at least 0).
-- The leaders' ORDER BY names the slice's columns too: an IS NULL condition does not tell the planner the
-- column is constant, and without them it would sort the whole slice instead of reading the index in order.
WITH period AS (
    SELECT extract(year FROM CAST(:from AS date))::int * 12 + extract(month FROM CAST(:from AS date))::int - 2
               AS before_first,
           extract(year FROM CAST(:to AS date))::int * 12 + extract(month FROM CAST(:to AS date))::int - 1
               AS last
),
leaders AS (
    SELECT coalesce(t.revenue_through[width_bucket(p.last, t.months)], 0)
               - coalesce(t.revenue_through[width_bucket(p.before_first, t.months)], 0) AS revenue
    FROM (SELECT l.months, l.revenue_through
          FROM public.analytics_provider_running_totals l
          WHERE ((CAST(:area AS uuid) IS NULL AND l.service_area_id IS NULL) OR l.service_area_id = CAST(:area AS uuid))
            AND ((CAST(:category AS text) IS NULL AND l.category IS NULL) OR l.category = CAST(:category AS text))
          ORDER BY l.service_area_id, l.category, l.revenue_through[cardinality(l.revenue_through)] DESC
          LIMIT :leaders) t
    CROSS JOIN period p
    WHERE width_bucket(p.last, t.months) > width_bucket(p.before_first, t.months)
),
bar AS (
    SELECT l.revenue FROM leaders l ORDER BY l.revenue DESC LIMIT 1 OFFSET :limit - 1
),
spans AS (
    SELECT t.provider_id, t.revenue_through,
           width_bucket(p.before_first, t.months) AS i0,
           width_bucket(p.last, t.months) AS i1
    FROM public.analytics_provider_running_totals t
    CROSS JOIN period p
    WHERE ((CAST(:area AS uuid) IS NULL AND t.service_area_id IS NULL) OR t.service_area_id = CAST(:area AS uuid))
      AND ((CAST(:category AS text) IS NULL AND t.category IS NULL) OR t.category = CAST(:category AS text))
      AND t.revenue_through[cardinality(t.revenue_through)] >= coalesce((SELECT b.revenue FROM bar b), 0)
),
ranked AS (
    SELECT s.provider_id, s.i0, s.i1,
           coalesce(s.revenue_through[s.i1], 0) - coalesce(s.revenue_through[s.i0], 0) AS revenue
    FROM spans s
    WHERE s.i1 > s.i0
    ORDER BY revenue DESC, s.provider_id
    LIMIT :limit
)
SELECT r.provider_id,
       coalesce(p.business_name, 'Provider ' || left(r.provider_id::text, 8)) AS name,
       (t.bookings_through[r.i1] - coalesce(t.bookings_through[r.i0], 0))::bigint AS bookings,
       (t.completed_through[r.i1] - coalesce(t.completed_through[r.i0], 0))::bigint AS completed,
       r.revenue,
       (t.disputes_through[r.i1] - coalesce(t.disputes_through[r.i0], 0))::bigint AS disputes
FROM ranked r
JOIN public.providers p ON p.id = r.provider_id
JOIN public.analytics_provider_running_totals t
  ON t.provider_id = r.provider_id
 AND ((CAST(:area AS uuid) IS NULL AND t.service_area_id IS NULL) OR t.service_area_id = CAST(:area AS uuid))
 AND ((CAST(:category AS text) IS NULL AND t.category IS NULL) OR t.category = CAST(:category AS text))
ORDER BY r.revenue DESC, r.provider_id
