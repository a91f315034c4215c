-- An area's change recounts the cells under its box (V63): find them by cell, not by scanning every
-- cell of the last 31 days (an edit of an area with no drop-offs under it then reads nothing).
CREATE INDEX idx_booking_dropoff_cells_cell ON booking_dropoff_cells (cell_row, cell_col, day);

-- The same function as in V63, with the box compared as integers (a float8 bound would keep the index out).
CREATE OR REPLACE FUNCTION tower_internal.recount_area_edges(p_since_day date, p_area uuid)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
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
$$;
