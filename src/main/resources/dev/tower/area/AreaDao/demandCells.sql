-- The map's demand layer: drop-offs of the last 30 days per map cell of :rows by :cols 0.01° cells, with
-- how many lie outside every active area. Counted as the area list counts (listAreas.sql): whole UTC days
-- from booking_dropoff_cells (V62), where a 0.01° cell that some active area wholly covers has nothing
-- outside, one that no area touches has everything outside, and one that an edge crosses is tested
-- drop-off by drop-off; the window's partial first day is tested drop-off by drop-off. So both counts
-- are exact; a map cell gathers the whole 0.01° cells whose numbers fall in it.
WITH bounds AS MATERIALIZED (
    SELECT w.since, w.first_full_day, w.first_full_day::timestamp AT TIME ZONE 'UTC' AS full_from
    FROM (SELECT now() - interval '30 days' AS since,
                 ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1 AS first_full_day) w
), cells AS MATERIALIZED (
    SELECT c.cell_row, c.cell_col, sum(c.dropoffs) AS n
    FROM public.booking_dropoff_cells c
    WHERE c.day >= (SELECT first_full_day FROM bounds)
    GROUP BY 1, 2
    HAVING sum(c.dropoffs) > 0
), active_areas AS MATERIALIZED (
    SELECT sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng, sa.radius_miles AS radius,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
    WHERE sa.active
), classified AS MATERIALIZED (
    SELECT c.cell_row, c.cell_col, c.n,
           coalesce(max(CASE r.relation WHEN 'inside' THEN 2 WHEN 'edge' THEN 1 END), 0) AS cover
    FROM cells c
    LEFT JOIN LATERAL (
        SELECT public.dropoff_cell_against_circle(c.cell_row, c.cell_col, a.lat, a.lng, a.radius) AS relation
        FROM active_areas a
        WHERE c.cell_row BETWEEN floor((a.lat - a.dlat) * 100) AND floor((a.lat + a.dlat) * 100)
          AND c.cell_col BETWEEN floor((a.lng - a.dlng) * 100) AND floor((a.lng + a.dlng) * 100)
    ) r ON true
    GROUP BY 1, 2, 3
), edge_outside AS (
    SELECT k.cell_row, k.cell_col, count(*) AS outside
    FROM classified k
    JOIN public.bookings b ON floor(b.dropoff_lat * 100)::integer = k.cell_row
                          AND floor(b.dropoff_lng * 100)::integer = k.cell_col
                          AND b.created_at >= (SELECT full_from FROM bounds)
    WHERE k.cover = 1
      AND NOT EXISTS (SELECT 1 FROM active_areas a
                      WHERE b.dropoff_lat::float8 BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                        AND b.dropoff_lng::float8 BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                        AND public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius)
    GROUP BY 1, 2
), first_day AS (
    SELECT floor(b.dropoff_lat * 100)::integer AS cell_row, floor(b.dropoff_lng * 100)::integer AS cell_col,
           count(*) AS n,
           count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM active_areas a
               WHERE b.dropoff_lat::float8 BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                 AND b.dropoff_lng::float8 BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                 AND public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius)) AS outside
    FROM public.bookings b, bounds w
    WHERE b.created_at >= w.since AND b.created_at < w.full_from
    GROUP BY 1, 2
), per_cell AS (
    SELECT k.cell_row, k.cell_col, k.n,
           CASE k.cover WHEN 2 THEN 0 WHEN 0 THEN k.n ELSE coalesce(e.outside, 0) END AS outside
    FROM classified k
    LEFT JOIN edge_outside e ON e.cell_row = k.cell_row AND e.cell_col = k.cell_col
    UNION ALL
    SELECT f.cell_row, f.cell_col, f.n, f.outside FROM first_day f
), map_cells AS (
    SELECT floor(p.cell_row::numeric / :rows)::bigint AS map_row, floor(p.cell_col::numeric / :cols)::bigint AS map_col,
           p.n, p.outside
    FROM per_cell p
)
SELECT ((m.map_row + 0.5) * :rows * 0.01)::float8 AS lat, ((m.map_col + 0.5) * :cols * 0.01)::float8 AS lng,
       sum(m.n)::bigint AS dropoffs, sum(m.outside)::bigint AS outside
FROM map_cells m
GROUP BY m.map_row, m.map_col
ORDER BY m.map_row, m.map_col
