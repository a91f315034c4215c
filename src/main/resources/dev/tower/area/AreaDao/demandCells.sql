-- The map's demand layer: drop-offs of the last 30 days per map cell of :rows by :cols 0.01° cells, with
-- how many lie outside every active area. Whole UTC days of the window come from booking_dropoff_cells,
-- whose outside counts were decided drop-off by drop-off when each booking came or an area changed (V63);
-- the window's partial first day is tested drop-off by drop-off here. So both counts are exact; a map
-- cell gathers the whole 0.01° cells whose numbers fall in it.
WITH bounds AS MATERIALIZED (
    SELECT w.since, w.first_full_day, w.first_full_day::timestamp AT TIME ZONE 'UTC' AS full_from
    FROM (SELECT now() - interval '30 days' AS since,
                 ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1 AS first_full_day) w
), active_areas AS MATERIALIZED (
    SELECT sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng, sa.radius_miles AS radius,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
    WHERE sa.active
), per_cell AS (
    SELECT c.cell_row, c.cell_col, c.dropoffs AS n, c.outside
    FROM public.booking_dropoff_cells c
    -- the day as an expression, not the CTE's value, so the planner sees how few days it selects
    WHERE c.day >= ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1
    UNION ALL
    SELECT floor(b.dropoff_lat * 100)::integer, floor(b.dropoff_lng * 100)::integer, 1,
           CASE WHEN EXISTS (SELECT 1 FROM active_areas a
                             WHERE b.dropoff_lat::float8 BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                               AND b.dropoff_lng::float8 BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                               AND public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius)
                THEN 0 ELSE 1 END
    FROM public.bookings b, bounds w
    WHERE b.created_at >= w.since AND b.created_at < w.full_from
), map_cells AS (
    -- whole numbers divided in float8 floor exactly (the quotient is never within rounding of the next one)
    SELECT floor(p.cell_row::float8 / :rows)::bigint AS map_row, floor(p.cell_col::float8 / :cols)::bigint AS map_col,
           sum(p.n) AS n, sum(p.outside) AS outside
    FROM per_cell p
    GROUP BY p.cell_row, p.cell_col
)
SELECT ((m.map_row + 0.5) * :rows * 0.01)::float8 AS lat, ((m.map_col + 0.5) * :cols * 0.01)::float8 AS lng,
       sum(m.n)::bigint AS dropoffs, sum(m.outside)::bigint AS outside
FROM map_cells m
GROUP BY m.map_row, m.map_col
HAVING sum(m.n) > 0
ORDER BY m.map_row, m.map_col
