-- Every area with its counts. Areas are few (tens), so the list is whole. The costly part, the last 30
-- days' drop-offs, is one index-only range scan (idx_bookings_created_dropoff) folded at once into
-- cells of 0.001° (about 110 m by 80 m here), so each area then tests a few thousand cells, not every
-- drop-off: a bounding-box prefilter, then the exact distance of the cell's centre. Provider counts use
-- the GIN index on providers.service_areas.
WITH recent AS MATERIALIZED (
    SELECT floor(b.dropoff_lat::float8 / 0.001) AS cell_row, floor(b.dropoff_lng::float8 / 0.001) AS cell_col,
           count(*) AS n
    FROM public.bookings b
    WHERE b.created_at >= now() - interval '30 days'
    GROUP BY 1, 2
), cells AS MATERIALIZED (
    SELECT (cell_row + 0.5) * 0.001 AS lat, (cell_col + 0.5) * 0.001 AS lng, n FROM recent
), areas AS (
    SELECT sa.*, sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng,
           sa.radius_miles / 69.0 AS dlat,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01)) AS dlng
    FROM public.service_areas sa
)
SELECT a.id, a.name, a.center_lat, a.center_lng, a.radius_miles, a.active, a.version, a.updated_at, a.updated_by,
       p.verified_count AS providers_verified, p.all_count AS providers_all,
       d.inside AS recent_dropoffs,
       coalesce(o.names, '{}') AS overlaps
FROM areas a
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE pv.verified) AS verified_count, count(*) AS all_count
    FROM public.providers pv
    WHERE pv.service_areas @> ARRAY[a.name]
) p
CROSS JOIN LATERAL (
    SELECT coalesce(sum(c.n), 0)::bigint AS inside
    FROM cells c
    WHERE c.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat
      AND c.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
      AND public.distance_miles(a.lat, a.lng, c.lat, c.lng) <= a.radius_miles
) d
CROSS JOIN LATERAL (
    SELECT array_agg(b.name ORDER BY b.name) AS names
    FROM areas b
    WHERE b.id <> a.id
      AND public.distance_miles(a.lat, a.lng, b.lat, b.lng) < a.radius_miles + b.radius_miles
) o
ORDER BY lower(a.name), a.id
LIMIT 1000
