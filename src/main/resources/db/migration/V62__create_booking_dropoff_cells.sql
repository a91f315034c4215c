-- The area list's "drop-offs inside it in the last 30 days" and the map's demand layer (issue 10) read
-- some 150k recent bookings on every open at the large scale. This keeps them folded, as the bookings
-- change, into drop-offs per UTC day per 0.01° cell (about 0.7 by 0.5 miles in Detroit): a few hundred
-- rows a day. The readers stay exact (see the area list's SQL):
-- * a cell lying wholly inside an area counts from this table;
-- * a cell the area's edge crosses is checked drop-off by drop-off, from the bookings of that cell only
--   (idx_bookings_dropoff_cell below);
-- * the window's first, partial UTC day is read from the bookings themselves, so "the last 30 days"
--   means now() - 30 days to the minute, whenever this table was filled.
-- Cells are numbered from the stored numeric coordinates (floor(lat * 100), floor(lng * 100)), so this
-- table, the index and the readers always agree on which cell a drop-off is in.

CREATE TABLE booking_dropoff_cells (
    day       date    NOT NULL,  -- (created_at AT TIME ZONE 'UTC')::date
    cell_row  integer NOT NULL,  -- floor(dropoff_lat * 100)
    cell_col  integer NOT NULL,  -- floor(dropoff_lng * 100)
    dropoffs  bigint  NOT NULL,  -- no CHECK: an upsert checks its proposed (negative) delta row too
    PRIMARY KEY (day, cell_row, cell_col)
);
-- who reads drop-offs (VIEW_SERVICE_AREAS); analysts see no coordinates of bookings, so none of this
GRANT SELECT ON booking_dropoff_cells TO tower_admin, tower_ops;

-- The drop-offs of one cell since a time, for the cells an area's edge crosses.
CREATE INDEX idx_bookings_dropoff_cell
    ON bookings ((floor(dropoff_lat * 100)::integer), (floor(dropoff_lng * 100)::integer), created_at)
    INCLUDE (dropoff_lat, dropoff_lng);

-- Adds (sign 1) or removes (sign -1) drop-offs, in key order so concurrent writers lock rows alike.
CREATE FUNCTION tower_internal.count_dropoff_changes()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM public.booking_dropoff_cells;
    ELSIF TG_LEVEL = 'STATEMENT' AND TG_OP = 'INSERT' THEN
        INSERT INTO public.booking_dropoff_cells AS c (day, cell_row, cell_col, dropoffs)
        SELECT (n.created_at AT TIME ZONE 'UTC')::date, floor(n.dropoff_lat * 100)::integer,
               floor(n.dropoff_lng * 100)::integer, count(*)
        FROM new_rows n WHERE n.created_at IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (day, cell_row, cell_col) DO UPDATE SET dropoffs = c.dropoffs + excluded.dropoffs;
    ELSIF TG_LEVEL = 'STATEMENT' THEN -- DELETE
        UPDATE public.booking_dropoff_cells c SET dropoffs = c.dropoffs - g.n
        FROM (SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, floor(o.dropoff_lat * 100)::integer AS cell_row,
                     floor(o.dropoff_lng * 100)::integer AS cell_col, count(*) AS n
              FROM old_rows o WHERE o.created_at IS NOT NULL
              GROUP BY 1, 2, 3 ORDER BY 1, 2, 3) g
        WHERE c.day = g.day AND c.cell_row = g.cell_row AND c.cell_col = g.cell_col;
    ELSE -- one row moved in time or space: out of its old cell, into its new one, the lower key first
        PERFORM tower_internal.move_dropoff(OLD.created_at, OLD.dropoff_lat, OLD.dropoff_lng,
                                            NEW.created_at, NEW.dropoff_lat, NEW.dropoff_lng);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION tower_internal.move_dropoff(old_at timestamptz, old_lat numeric, old_lng numeric,
                                            new_at timestamptz, new_lat numeric, new_lng numeric)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    INSERT INTO public.booking_dropoff_cells AS c (day, cell_row, cell_col, dropoffs)
    SELECT k.day, k.cell_row, k.cell_col, sum(k.sign)
    FROM (SELECT (old_at AT TIME ZONE 'UTC')::date AS day, floor(old_lat * 100)::integer AS cell_row,
                 floor(old_lng * 100)::integer AS cell_col, -1 AS sign
          WHERE old_at IS NOT NULL
          UNION ALL
          SELECT (new_at AT TIME ZONE 'UTC')::date, floor(new_lat * 100)::integer, floor(new_lng * 100)::integer, 1
          WHERE new_at IS NOT NULL) k
    GROUP BY 1, 2, 3 HAVING sum(k.sign) <> 0 ORDER BY 1, 2, 3
    -- a removal always finds its row (the booking was counted when it got there), so the insert path
    -- only ever adds
    ON CONFLICT (day, cell_row, cell_col) DO UPDATE SET dropoffs = c.dropoffs + excluded.dropoffs;
$$;

CREATE TRIGGER bookings_count_dropoffs_inserted AFTER INSERT ON bookings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_dropoff_changes();
CREATE TRIGGER bookings_count_dropoffs_deleted AFTER DELETE ON bookings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_dropoff_changes();
CREATE TRIGGER bookings_count_dropoffs_truncated AFTER TRUNCATE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_dropoff_changes();
-- row level, so the many status updates of bookings never run it
CREATE TRIGGER bookings_count_dropoffs_moved AFTER UPDATE OF created_at, dropoff_lat, dropoff_lng ON bookings
    FOR EACH ROW
    WHEN ((OLD.created_at AT TIME ZONE 'UTC')::date IS DISTINCT FROM (NEW.created_at AT TIME ZONE 'UTC')::date
          OR floor(OLD.dropoff_lat * 100) IS DISTINCT FROM floor(NEW.dropoff_lat * 100)
          OR floor(OLD.dropoff_lng * 100) IS DISTINCT FROM floor(NEW.dropoff_lng * 100))
    EXECUTE FUNCTION tower_internal.count_dropoff_changes();

-- Counts every booking once (the migration; the demo load, whose triggers are off, calls it after loading).
CREATE FUNCTION tower_internal.recount_dropoff_cells()
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    TRUNCATE public.booking_dropoff_cells;
    INSERT INTO public.booking_dropoff_cells (day, cell_row, cell_col, dropoffs)
    SELECT (b.created_at AT TIME ZONE 'UTC')::date, floor(b.dropoff_lat * 100)::integer,
           floor(b.dropoff_lng * 100)::integer, count(*)
    FROM public.bookings b WHERE b.created_at IS NOT NULL
    GROUP BY 1, 2, 3;
$$;

SELECT tower_internal.recount_dropoff_cells();

-- How a 0.01° cell lies against a circle (centre, radius in miles): 'inside' when all of it is within the
-- radius (then its drop-offs count without looking at them), 'edge' when the circle's edge may cross it
-- (its drop-offs are tested one by one), else 'outside'. A cell is inside when its four corners are:
-- along a meridian or a parallel the distance to the centre has no maximum between two points, so the
-- corners bound the whole cell. The margins (0.01 mile in, 0.05 out, far above rounding) put every doubtful
-- cell on the edge, where the exact test decides. Pure arithmetic; not SET search_path so that it inlines
-- (as distance_miles, V60), naming only pg_catalog and public.distance_miles.
CREATE FUNCTION public.dropoff_cell_against_circle(cell_row integer, cell_col integer, lat float8, lng float8,
                                                   radius float8)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN GREATEST(public.distance_miles(lat, lng, cell_row * 0.01::float8, cell_col * 0.01::float8),
                      public.distance_miles(lat, lng, (cell_row + 1) * 0.01::float8, cell_col * 0.01::float8),
                      public.distance_miles(lat, lng, cell_row * 0.01::float8, (cell_col + 1) * 0.01::float8),
                      public.distance_miles(lat, lng, (cell_row + 1) * 0.01::float8, (cell_col + 1) * 0.01::float8))
             <= radius - 0.01 THEN 'inside'
        WHEN public.distance_miles(lat, lng,
                 GREATEST(cell_row * 0.01::float8, LEAST(lat, (cell_row + 1) * 0.01::float8)),
                 GREATEST(cell_col * 0.01::float8, LEAST(lng, (cell_col + 1) * 0.01::float8)))
             <= radius + 0.05 THEN 'edge'
        ELSE 'outside'
    END
$$;
REVOKE EXECUTE ON FUNCTION public.dropoff_cell_against_circle(integer, integer, float8, float8, float8) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.dropoff_cell_against_circle(integer, integer, float8, float8, float8)
    TO tower_admin, tower_ops;
COMMENT ON FUNCTION public.dropoff_cell_against_circle(integer, integer, float8, float8, float8)
    IS 'permission: VIEW_SERVICE_AREAS';
