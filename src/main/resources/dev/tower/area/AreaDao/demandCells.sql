-- The map's demand layer: drop-offs of the last 30 days counted per grid cell (cell size chosen by
-- the map for its zoom), with how many of them lie outside every active area. The drop-offs are first
-- folded into 0.001° cells (as in listAreas.sql), and "outside" is decided once per such cell, so the
-- cost is one index-only scan plus a few thousand cell tests, however many bookings there are.
WITH fine AS MATERIALIZED (
    SELECT (floor(b.dropoff_lat::float8 / 0.001) + 0.5) * 0.001 AS lat,
           (floor(b.dropoff_lng::float8 / 0.001) + 0.5) * 0.001 AS lng,
           count(*) AS n
    FROM public.bookings b
    WHERE b.created_at >= now() - interval '30 days'
    GROUP BY 1, 2
), active_areas AS MATERIALIZED (
    SELECT sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng, sa.radius_miles AS radius,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
    WHERE sa.active
), marked AS (
    SELECT floor(f.lat / :cellLat)::bigint AS cell_row, floor(f.lng / :cellLng)::bigint AS cell_col, f.n,
           NOT EXISTS (SELECT 1 FROM active_areas a
                       WHERE f.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                         AND f.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                         AND public.distance_miles(a.lat, a.lng, f.lat, f.lng) <= a.radius) AS outside
    FROM fine f
)
SELECT (m.cell_row + 0.5) * :cellLat AS lat, (m.cell_col + 0.5) * :cellLng AS lng,
       sum(m.n)::bigint AS dropoffs, coalesce(sum(m.n) FILTER (WHERE m.outside), 0)::bigint AS outside
FROM marked m
GROUP BY m.cell_row, m.cell_col
ORDER BY m.cell_row, m.cell_col
