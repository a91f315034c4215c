-- Top providers within an area, a category or both, from running totals instead of month cells.
--
-- Why: V110's analytics_provider_cells made a filtered ranking sum every cell of the filter's area or
-- category over the period (about 157k cells of 36k providers for the busiest area over a year), which took
-- 0.1-0.3 s at a million bookings, past the dashboards' 50 ms. Here each (area, category, provider), each
-- (area, provider) and each (category, provider) is one row holding the months it had bookings in
-- (ascending) and its totals through each of them. A period's sum is the total through its last month minus
-- the total through the month before its first, each found with width_bucket (a binary search over the
-- row's months), so a filtered ranking reads one row per provider of the filter (36k at most) from one
-- index range, whatever the period's length: about 25 ms for the busiest area.
--
-- The month index is year * 12 + month - 1, so rows line up without a calendar join. Tried: a dense array
-- per month to the data's end (no search, but 35% larger and 5 s more to refresh, for no faster reads).
-- The view replaces the cells view (the filtered dashboard read nothing else from it) and is refreshed in
-- its place, with its unique index for REFRESH CONCURRENTLY. Nothing here depends on the hour it runs.
CREATE MATERIALIZED VIEW analytics_provider_running_totals AS
WITH disputed AS (
    SELECT d.booking_id, count(*) AS disputes FROM disputes d GROUP BY d.booking_id
),
cells AS MATERIALIZED (
    SELECT b.service_area_id,
           l.category::text COLLATE "C" AS category,
           b.provider_id,
           date_trunc('month', b.created_at AT TIME ZONE 'America/Detroit')::date AS month,
           count(*) AS bookings,
           count(*) FILTER (WHERE b.status = 'completed') AS completed,
           coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue,
           coalesce(sum(ds.disputes), 0) AS disputes
    FROM bookings b
    JOIN listings l ON l.id = b.listing_id
    LEFT JOIN disputed ds ON ds.booking_id = b.id
    WHERE b.created_at IS NOT NULL
    GROUP BY 1, 2, 3, 4
),
-- each month's index, computed once per month rather than once per cell
months AS (
    SELECT g.month::date AS month, extract(year FROM g.month)::int * 12 + extract(month FROM g.month)::int - 1 AS m
    FROM (SELECT min(c.month) AS first, max(c.month) AS last FROM cells c) r
    CROSS JOIN LATERAL generate_series(r.first, r.last, interval '1 month') AS g(month)
),
-- the three slices a filter can ask for; a booking without an area only counts for its category
slices AS (
    SELECT c.service_area_id, c.category, c.provider_id, c.month, c.bookings, c.completed, c.revenue, c.disputes
    FROM cells c
    WHERE c.service_area_id IS NOT NULL
    UNION ALL
    SELECT c.service_area_id, NULL, c.provider_id, c.month,
           sum(c.bookings), sum(c.completed), sum(c.revenue), sum(c.disputes)
    FROM cells c
    WHERE c.service_area_id IS NOT NULL
    GROUP BY c.service_area_id, c.provider_id, c.month
    UNION ALL
    SELECT NULL, c.category, c.provider_id, c.month,
           sum(c.bookings), sum(c.completed), sum(c.revenue), sum(c.disputes)
    FROM cells c
    GROUP BY c.category, c.provider_id, c.month
),
-- per slice, the months it had bookings in (ascending) and its totals through each of them
running AS (
    SELECT s.service_area_id, s.category, s.provider_id, mo.m,
           sum(s.bookings) OVER w AS bookings, sum(s.completed) OVER w AS completed,
           sum(s.revenue) OVER w AS revenue, sum(s.disputes) OVER w AS disputes
    FROM slices s JOIN months mo ON mo.month = s.month
    WINDOW w AS (PARTITION BY s.service_area_id, s.category, s.provider_id ORDER BY mo.m)
)
SELECT r.service_area_id, r.category, r.provider_id,
       array_agg(r.m ORDER BY r.m) AS months,
       array_agg(r.revenue ORDER BY r.m) AS revenue_through,
       array_agg(r.bookings::int ORDER BY r.m) AS bookings_through,
       array_agg(r.completed::int ORDER BY r.m) AS completed_through,
       array_agg(r.disputes::int ORDER BY r.m) AS disputes_through
FROM running r
GROUP BY r.service_area_id, r.category, r.provider_id;

-- The refresh's key and the ranking's one index range: (area, no category), (no area, category) or both.
CREATE UNIQUE INDEX analytics_provider_running_totals_key ON analytics_provider_running_totals
    (service_area_id, category, provider_id) NULLS NOT DISTINCT;

-- Listed, refreshed and locked in the cells view's place (V111's trigger adds the new row's lock and the
-- old row's lock goes with it).
INSERT INTO analytics_views (view_name, title, sort_order)
SELECT 'analytics_provider_running_totals', v.title, v.sort_order
FROM analytics_views v WHERE v.view_name = 'analytics_provider_cells';
DELETE FROM analytics_views WHERE view_name = 'analytics_provider_cells';
DROP MATERIALIZED VIEW analytics_provider_cells;

-- Just built with its data: that is its first refresh.
INSERT INTO mv_refresh_log (view_name, duration_ms, was_concurrent, row_count, outcome)
VALUES ('analytics_provider_running_totals', 0, false, NULL, 'ok');

-- Aggregates and ids only, as the view it replaces.
GRANT SELECT ON analytics_provider_running_totals TO tower_admin, tower_ops, tower_analyst;
