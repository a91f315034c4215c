-- V62 left the area list and the map testing, on every open, each recent drop-off in a cell that an
-- area's edge crosses (some 50k at the large scale: 180 ms for the list). Those tests are now done once,
-- when a booking arrives, moves or goes, and again for one area's cells when that area changes:
-- * booking_dropoff_cells.outside: of a cell's drop-offs that day, how many lie outside every active area
--   (the map's "where no area covers them");
-- * area_edge_dropoffs: per area and UTC day, the drop-offs inside the area that lie in cells its edge
--   crosses (the list adds the cells wholly inside, from booking_dropoff_cells).
-- Both are exact for every day from 31 days before the last change of the areas on: a window of the
-- last 30 days only ever moves forward, so older days are never read again and are not rebuilt.
-- A booking's trigger and an area change serialise on the area rows (FOR SHARE against the edit's
-- FOR UPDATE), so neither counts with geometry the other is replacing.

ALTER TABLE booking_dropoff_cells ADD COLUMN outside bigint NOT NULL DEFAULT 0;

CREATE TABLE area_edge_dropoffs (
    area_id  uuid    NOT NULL,
    day      date    NOT NULL,  -- (created_at AT TIME ZONE 'UTC')::date
    dropoffs bigint  NOT NULL,
    PRIMARY KEY (area_id, day)
);
GRANT SELECT ON area_edge_dropoffs TO tower_admin, tower_ops;

-- Adds (sign 1) or removes (sign -1) drop-offs: their cells, whether each lies outside every active
-- area, and for each area whose edge crosses its cell whether it lies inside. Rows in key order.
CREATE FUNCTION tower_internal.apply_dropoffs(p_at timestamptz[], p_lat numeric[], p_lng numeric[], p_sign integer[])
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM public.service_areas ORDER BY id FOR SHARE;
    WITH points AS MATERIALIZED (
        SELECT (t.at AT TIME ZONE 'UTC')::date AS day, floor(t.lat * 100)::integer AS cell_row,
               floor(t.lng * 100)::integer AS cell_col, t.lat::float8 AS lat, t.lng::float8 AS lng, t.sign
        FROM unnest(p_at, p_lat, p_lng, p_sign) AS t(at, lat, lng, sign)
        WHERE t.at IS NOT NULL
    ), areas AS MATERIALIZED (
        SELECT a.* FROM tower_internal.area_circles() a
    ), marked AS MATERIALIZED (
        SELECT p.*, NOT EXISTS (SELECT 1 FROM areas a
                                WHERE a.active AND p.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat
                                  AND p.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
                                  AND public.distance_miles(a.lat, a.lng, p.lat, p.lng) <= a.radius) AS outside
        FROM points p
    ), cells AS ( -- a data-modifying WITH always runs, after the main statement
        INSERT INTO public.booking_dropoff_cells AS c (day, cell_row, cell_col, dropoffs, outside)
        SELECT m.day, m.cell_row, m.cell_col, sum(m.sign), coalesce(sum(m.sign) FILTER (WHERE m.outside), 0)
        FROM marked m
        GROUP BY 1, 2, 3 HAVING sum(m.sign) <> 0 OR coalesce(sum(m.sign) FILTER (WHERE m.outside), 0) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (day, cell_row, cell_col) DO UPDATE
            SET dropoffs = c.dropoffs + excluded.dropoffs, outside = c.outside + excluded.outside
    )
    INSERT INTO public.area_edge_dropoffs AS e (area_id, day, dropoffs)
    SELECT a.id, m.day, sum(m.sign)
    FROM marked m
    JOIN areas a ON m.lat BETWEEN a.lat - a.dlat AND a.lat + a.dlat AND m.lng BETWEEN a.lng - a.dlng AND a.lng + a.dlng
    WHERE public.dropoff_cell_against_circle(m.cell_row, m.cell_col, a.lat, a.lng, a.radius) = 'edge'
      AND public.distance_miles(a.lat, a.lng, m.lat, m.lng) <= a.radius
    GROUP BY 1, 2 HAVING sum(m.sign) <> 0
    ORDER BY 1, 2
    ON CONFLICT (area_id, day) DO UPDATE SET dropoffs = e.dropoffs + excluded.dropoffs;
END;
$$;

-- Every area as a circle with its bounding box in degrees (as the list and the map compute it).
CREATE FUNCTION tower_internal.area_circles()
RETURNS TABLE (id uuid, active boolean, lat float8, lng float8, radius float8, dlat float8, dlng float8)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT sa.id, sa.active, sa.center_lat::float8, sa.center_lng::float8, sa.radius_miles::float8,
           sa.radius_miles / 69.0,
           sa.radius_miles / (69.0 * greatest(cos(radians(least(89.0, abs(sa.center_lat::float8) + sa.radius_miles / 69.0))), 0.01))
    FROM public.service_areas sa
$$;

CREATE OR REPLACE FUNCTION tower_internal.count_dropoff_changes()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    ats timestamptz[];
    lats numeric[];
    lngs numeric[];
    signs integer[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM public.booking_dropoff_cells;
        DELETE FROM public.area_edge_dropoffs;
        RETURN NULL;
    ELSIF TG_LEVEL = 'STATEMENT' AND TG_OP = 'INSERT' THEN
        SELECT array_agg(n.created_at), array_agg(n.dropoff_lat), array_agg(n.dropoff_lng), array_agg(1)
        INTO ats, lats, lngs, signs FROM new_rows n;
    ELSIF TG_LEVEL = 'STATEMENT' THEN -- DELETE
        SELECT array_agg(o.created_at), array_agg(o.dropoff_lat), array_agg(o.dropoff_lng), array_agg(-1)
        INTO ats, lats, lngs, signs FROM old_rows o;
    ELSE -- one row moved in time or space
        ats := ARRAY[OLD.created_at, NEW.created_at];
        lats := ARRAY[OLD.dropoff_lat, NEW.dropoff_lat];
        lngs := ARRAY[OLD.dropoff_lng, NEW.dropoff_lng];
        signs := ARRAY[-1, 1];
    END IF;
    IF ats IS NOT NULL THEN
        PERFORM tower_internal.apply_dropoffs(ats, lats, lngs, signs);
    END IF;
    RETURN NULL;
END;
$$;
-- the move trigger now also fires for any change of the drop-off (not only of its cell): being inside
-- an area depends on the exact point
DROP TRIGGER bookings_count_dropoffs_moved ON bookings;
CREATE TRIGGER bookings_count_dropoffs_moved AFTER UPDATE OF created_at, dropoff_lat, dropoff_lng ON bookings
    FOR EACH ROW
    WHEN ((OLD.created_at AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW.created_at AT TIME ZONE 'UTC')::date
          OR OLD.dropoff_lat IS DISTINCT FROM NEW.dropoff_lat OR OLD.dropoff_lng IS DISTINCT FROM NEW.dropoff_lng)
    EXECUTE FUNCTION tower_internal.count_dropoff_changes();
DROP FUNCTION tower_internal.move_dropoff(timestamptz, numeric, numeric, timestamptz, numeric, numeric);

-- Recounts from the bookings since p_since_day the outside counts of the cells in the box of cell
-- numbers (every cell when the box is NULL: then from the window's bookings at once, which also works
-- while the demo load has the indexes off; a box reads its cells' bookings from the cell index).
CREATE FUNCTION tower_internal.recount_outside(p_since_day date, p_min_row integer, p_max_row integer,
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
            JOIN public.bookings b ON floor(b.dropoff_lat * 100)::integer = k.cell_row
                                  AND floor(b.dropoff_lng * 100)::integer = k.cell_col
                                  AND b.created_at >= since
            GROUP BY 1, 2, 3
        )
        UPDATE public.booking_dropoff_cells c SET outside = r.outside
        FROM recount r
        WHERE c.day = r.day AND c.cell_row = r.cell_row AND c.cell_col = r.cell_col AND c.outside <> r.outside;
    END IF;
END;
$$;

-- Rebuilds from the bookings since p_since_day the edge counts of p_area (of every area when NULL).
CREATE FUNCTION tower_internal.recount_area_edges(p_since_day date, p_area uuid)
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
         AND c.cell_row BETWEEN floor((a.lat - a.dlat) * 100) AND floor((a.lat + a.dlat) * 100)
         AND c.cell_col BETWEEN floor((a.lng - a.dlng) * 100) AND floor((a.lng + a.dlng) * 100)
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

-- Everything from the bookings (the migration; the demo load, whose triggers are off).
CREATE FUNCTION tower_internal.recount_dropoffs()
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT tower_internal.recount_dropoff_cells();
    SELECT tower_internal.recount_outside(((now() - interval '31 days') AT TIME ZONE 'UTC')::date, NULL, NULL, NULL, NULL);
    SELECT tower_internal.recount_area_edges(((now() - interval '31 days') AT TIME ZONE 'UTC')::date, NULL);
$$;

-- An area that is created, moved, resized, (de)activated or removed: the outside counts of the cells
-- under its old and new box, and its own edge counts, from 31 days back.
CREATE FUNCTION tower_internal.recount_dropoffs_for_area()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    since date := ((now() - interval '31 days') AT TIME ZONE 'UTC')::date;
    box record;
BEGIN
    FOR box IN
        SELECT floor((x.lat - x.radius / 69.0) * 100)::integer AS min_row,
               floor((x.lat + x.radius / 69.0) * 100)::integer AS max_row,
               floor((x.lng - x.radius / (69.0 * greatest(cos(radians(least(89.0, abs(x.lat) + x.radius / 69.0))), 0.01))) * 100)::integer AS min_col,
               floor((x.lng + x.radius / (69.0 * greatest(cos(radians(least(89.0, abs(x.lat) + x.radius / 69.0))), 0.01))) * 100)::integer AS max_col
        FROM (SELECT OLD.center_lat::float8 AS lat, OLD.center_lng::float8 AS lng, OLD.radius_miles::float8 AS radius
              WHERE TG_OP <> 'INSERT'
              UNION
              SELECT NEW.center_lat::float8, NEW.center_lng::float8, NEW.radius_miles::float8
              WHERE TG_OP <> 'DELETE') x
    LOOP
        PERFORM tower_internal.recount_outside(since, box.min_row, box.max_row, box.min_col, box.max_col);
    END LOOP;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM public.area_edge_dropoffs WHERE area_id = OLD.id;
    ELSIF TG_OP = 'INSERT' OR (OLD.center_lat, OLD.center_lng, OLD.radius_miles)
                               IS DISTINCT FROM (NEW.center_lat, NEW.center_lng, NEW.radius_miles) THEN
        PERFORM tower_internal.recount_area_edges(since, NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER service_areas_recount_dropoffs
    AFTER INSERT OR DELETE ON service_areas
    FOR EACH ROW EXECUTE FUNCTION tower_internal.recount_dropoffs_for_area();
-- a rename or an edit that keeps the circle recounts nothing
CREATE TRIGGER service_areas_recount_dropoffs_moved
    AFTER UPDATE OF center_lat, center_lng, radius_miles, active ON service_areas
    FOR EACH ROW
    WHEN ((OLD.center_lat, OLD.center_lng, OLD.radius_miles, OLD.active)
          IS DISTINCT FROM (NEW.center_lat, NEW.center_lng, NEW.radius_miles, NEW.active))
    EXECUTE FUNCTION tower_internal.recount_dropoffs_for_area();

SELECT tower_internal.recount_dropoffs();
