-- An area's change recounts only the cells under its box (V63, V64); joined by hash, a box with few or no
-- cells still read the window's bookings whole (364 ms for an area with none). Each cell's bookings are
-- now read from the cell index (a LATERAL join), in both recounts of a box. The full recount (box NULL,
-- the demo load) keeps its one pass over the window's bookings.

CREATE OR REPLACE FUNCTION tower_internal.recount_outside(p_since_day date, p_min_row integer, p_max_row integer,
                                               p_min_col integer, p_max_col integer)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    since timestamptz := p_since_day::timestamp AT TIME ZONE 'UTC';
BEGIN
    IF p_min_row IS NULL THEN
        WITH areas AS MATERIALIZED (
            SELECT a.* FROM tower_internal.area_circles() a WHERE a.active
        ), recount AS (
            SELECT (b.created_at AT TIME ZONE 'UTC')::date AS day, floor(b.dropoff_lat * 100)::integer AS cell_row,
                   floor(b.dropoff_lng * 100)::integer AS cell_col,
                   count(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM areas a
                       WHERE b.dropoff_lat::float8 BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                         AND b.dropoff_lng::float8 BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                         AND public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius))
                       AS outside
            FROM public.bookings b
            WHERE b.created_at >= since
            GROUP BY 1, 2, 3
        )
        UPDATE public.booking_dropoff_cells c SET outside = r.outside
        FROM recount r
        WHERE c.day = r.day AND c.cell_row = r.cell_row AND c.cell_col = r.cell_col AND c.outside <> r.outside;
    ELSE
        WITH areas AS MATERIALIZED (
            SELECT a.* FROM tower_internal.area_circles() a WHERE a.active
        ), boxed AS MATERIALIZED (
            SELECT DISTINCT c.cell_row, c.cell_col
            FROM public.booking_dropoff_cells c
            WHERE c.day >= p_since_day
              AND c.cell_row BETWEEN p_min_row AND p_max_row AND c.cell_col BETWEEN p_min_col AND p_max_col
        ), recount AS (
            SELECT (b.created_at AT TIME ZONE 'UTC')::date AS day, k.cell_row, k.cell_col,
                   count(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM areas a
                       WHERE b.dropoff_lat::float8 BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                         AND b.dropoff_lng::float8 BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                         AND public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius))
                       AS outside
            FROM boxed k
            CROSS JOIN LATERAL (
                SELECT bb.created_at, bb.dropoff_lat, bb.dropoff_lng FROM public.bookings bb
                WHERE floor(bb.dropoff_lat * 100)::integer = k.cell_row
                  AND floor(bb.dropoff_lng * 100)::integer = k.cell_col
                  AND bb.created_at >= since) b
            GROUP BY 1, 2, 3
        )
        UPDATE public.booking_dropoff_cells c SET outside = r.outside
        FROM recount r
        WHERE c.day = r.day AND c.cell_row = r.cell_row AND c.cell_col = r.cell_col AND c.outside <> r.outside;
    END IF;
END;
$$;

-- Every area (the demo load, indexes off): one hashed pass; one area (its change): cell by cell.
CREATE OR REPLACE FUNCTION tower_internal.recount_area_edges(p_since_day date, p_area uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_area IS NULL THEN
    DELETE FROM public.area_edge_dropoffs e WHERE p_area IS NULL OR e.area_id = p_area;
        WITH areas AS MATERIALIZED (
            SELECT a.* FROM tower_internal.area_circles() a WHERE p_area IS NULL OR a.id = p_area
        ), edge_cells AS MATERIALIZED (
            SELECT DISTINCT a.id, c.cell_row, c.cell_col
            FROM areas a
            JOIN public.booking_dropoff_cells c
              ON c.day >= p_since_day
             AND c.cell_row BETWEEN floor((a.lat - a.dlat) * 100)::integer AND floor((a.lat + a.dlat) * 100)::integer
             AND c.cell_col BETWEEN floor((a.lng - a.dlng) * 100)::integer AND floor((a.lng + a.dlng) * 100)::integer
            WHERE public.dropoff_cell_against_circle(c.cell_row, c.cell_col, a.lat, a.lng, a.radius) = 'edge'
        )
        INSERT INTO public.area_edge_dropoffs (area_id, day, dropoffs)
        SELECT k.id, (b.created_at AT TIME ZONE 'UTC')::date, count(*)
        FROM edge_cells k
        JOIN areas a ON a.id = k.id
        JOIN public.bookings b ON floor(b.dropoff_lat * 100)::integer = k.cell_row
                              AND floor(b.dropoff_lng * 100)::integer = k.cell_col
                              AND b.created_at >= p_since_day::timestamp AT TIME ZONE 'UTC'
        WHERE public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius
        GROUP BY 1, 2;
    ELSE
    DELETE FROM public.area_edge_dropoffs e WHERE p_area IS NULL OR e.area_id = p_area;
        WITH areas AS MATERIALIZED (
            SELECT a.* FROM tower_internal.area_circles() a WHERE p_area IS NULL OR a.id = p_area
        ), edge_cells AS MATERIALIZED (
            SELECT DISTINCT a.id, c.cell_row, c.cell_col
            FROM areas a
            JOIN public.booking_dropoff_cells c
              ON c.day >= p_since_day
             AND c.cell_row BETWEEN floor((a.lat - a.dlat) * 100)::integer AND floor((a.lat + a.dlat) * 100)::integer
             AND c.cell_col BETWEEN floor((a.lng - a.dlng) * 100)::integer AND floor((a.lng + a.dlng) * 100)::integer
            WHERE public.dropoff_cell_against_circle(c.cell_row, c.cell_col, a.lat, a.lng, a.radius) = 'edge'
        )
        INSERT INTO public.area_edge_dropoffs (area_id, day, dropoffs)
        SELECT k.id, (b.created_at AT TIME ZONE 'UTC')::date, count(*)
        FROM edge_cells k
        JOIN areas a ON a.id = k.id
        CROSS JOIN LATERAL (
            SELECT bb.created_at, bb.dropoff_lat, bb.dropoff_lng FROM public.bookings bb
            WHERE floor(bb.dropoff_lat * 100)::integer = k.cell_row
              AND floor(bb.dropoff_lng * 100)::integer = k.cell_col
              AND bb.created_at >= p_since_day::timestamp AT TIME ZONE 'UTC') b
        WHERE public.distance_miles(a.lat, a.lng, b.dropoff_lat::float8, b.dropoff_lng::float8) <= a.radius
        GROUP BY 1, 2;
    END IF;
END;
$$;
