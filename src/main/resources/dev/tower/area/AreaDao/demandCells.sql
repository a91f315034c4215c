-- The map's demand layer: drop-offs of the last 30 days counted per grid cell (cell size chosen by
-- the map for its zoom), with how many of them lie outside every active area. A few thousand cells
-- at most, however many bookings there are.
WITH recent AS MATERIALIZED (
    SELECT b.dropoff_lat::float8 AS lat, b.dropoff_lng::float8 AS lng
    FROM public.bookings b
    WHERE b.created_at >= now() - interval '30 days'
), active_areas AS MATERIALIZED (
    SELECT sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng, sa.radius_miles AS radius,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
    WHERE sa.active
), marked AS (
    SELECT floor(r.lat / :cellLat)::bigint AS cell_row, floor(r.lng / :cellLng)::bigint AS cell_col,
           NOT EXISTS (SELECT 1 FROM active_areas a
                       WHERE r.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                         AND r.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                         AND public.distance_miles(a.lat, a.lng, r.lat, r.lng) <= a.radius) AS outside
    FROM recent r
)
SELECT (m.cell_row + 0.5) * :cellLat AS lat, (m.cell_col + 0.5) * :cellLng AS lng,
       count(*) AS dropoffs, count(*) FILTER (WHERE m.outside) AS outside
FROM marked m
GROUP BY m.cell_row, m.cell_col
ORDER BY m.cell_row, m.cell_col
