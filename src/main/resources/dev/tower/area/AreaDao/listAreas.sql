-- Every area with its counts. Areas are few (tens), so the list is whole. Provider counts are kept per
-- area name by the database (provider_area_counts, V61). Drop-offs of the last 30 days are exact without
-- testing 150k bookings:
-- * whole UTC days of the window, 0.01° cells wholly inside the area: booking_dropoff_cells (V62);
-- * whole days, cells the area's edge crosses: area_edge_dropoffs, tested when each booking came (V63);
-- * the window's first, partial day: its drop-offs tested one by one (a thirtieth of the window).
WITH bounds AS MATERIALIZED (
    SELECT w.since, w.first_full_day, w.first_full_day::timestamp AT TIME ZONE 'UTC' AS full_from
    FROM (SELECT now() - interval '30 days' AS since,
                 ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1 AS first_full_day) w
), cells AS MATERIALIZED (
    SELECT c.cell_row, c.cell_col, sum(c.dropoffs) AS n
    FROM public.booking_dropoff_cells c
    -- the day as an expression, not the CTE's value, so the planner sees how few days it selects
    WHERE c.day >= ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1
    GROUP BY 1, 2
    HAVING sum(c.dropoffs) > 0
), first_day AS MATERIALIZED (
    SELECT b.dropoff_lat::float8 AS lat, b.dropoff_lng::float8 AS lng
    FROM public.bookings b, bounds w
    WHERE b.created_at >= w.since AND b.created_at < w.full_from
), areas AS MATERIALIZED (
    SELECT sa.*, sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
), inside AS (
    SELECT a.id AS area_id, sum(c.n) AS n
    FROM areas a
    JOIN cells c ON c.cell_row BETWEEN floor((a.lat - a.dlat) * 100) AND floor((a.lat + a.dlat) * 100)
                AND c.cell_col BETWEEN floor((a.lng - a.dlng) * 100) AND floor((a.lng + a.dlng) * 100)
    WHERE public.dropoff_cell_against_circle(c.cell_row, c.cell_col, a.lat, a.lng, a.radius_miles) = 'inside'
    GROUP BY 1
), edge AS (
    SELECT e.area_id, sum(e.dropoffs) AS n
    FROM public.area_edge_dropoffs e
    WHERE e.day >= ((now() - interval '30 days') AT TIME ZONE 'UTC')::date + 1
    GROUP BY 1
), partial_day AS (
    SELECT a.id AS area_id, count(*) AS n
    FROM areas a
    JOIN first_day f ON f.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                    AND f.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
    WHERE public.distance_miles(a.lat, a.lng, f.lat, f.lng) <= a.radius_miles
    GROUP BY 1
)
SELECT a.id, a.name, a.center_lat, a.center_lng, a.radius_miles, a.active, a.version, a.updated_at, a.updated_by,
       coalesce(pc.verified, 0) AS providers_verified, coalesce(pc.providers, 0) AS providers_all,
       (coalesce(i.n, 0) + coalesce(e.n, 0) + coalesce(p.n, 0))::bigint AS recent_dropoffs,
       coalesce(o.names, '{}') AS overlaps
FROM areas a
LEFT JOIN inside i ON i.area_id = a.id
LEFT JOIN edge e ON e.area_id = a.id
LEFT JOIN partial_day p ON p.area_id = a.id
LEFT JOIN public.provider_area_counts pc ON pc.area_name = a.name
CROSS JOIN LATERAL (
    SELECT array_agg(b.name ORDER BY b.name) AS names
    FROM areas b
    WHERE b.id <> a.id
      AND public.distance_miles(a.lat, a.lng, b.lat, b.lng) < a.radius_miles + b.radius_miles
) o
ORDER BY lower(a.name), a.id
LIMIT 1000
