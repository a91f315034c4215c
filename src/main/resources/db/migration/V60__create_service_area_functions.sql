-- Service areas (issue 10): admins create, edit, rename, deactivate and reactivate the circles that
-- providers name in providers.service_areas. The rules live here, not in the client: the name is
-- unique ignoring case and never blank, the centre is a real coordinate, the radius is 1..100 miles.
-- A rename rewrites every provider's service_areas in the same transaction, so nobody is orphaned
-- and seed 000's "find nearby providers" query (which matches by name) keeps finding them.

ALTER TABLE service_areas
    ADD COLUMN active     boolean     NOT NULL DEFAULT true,
    -- optimistic concurrency: every change bumps it; a caller passes the version it saw
    ADD COLUMN version    integer     NOT NULL DEFAULT 1,
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    -- who made the last change, so a conflict can say who and when without reading the audit log
    ADD COLUMN updated_by text,
    ADD CONSTRAINT service_areas_radius_sane CHECK (radius_miles <= 100);
-- 000's UNIQUE (name) lets 'Corktown' and 'corktown' both exist; providers would then be ambiguous.
CREATE UNIQUE INDEX service_areas_name_unique_ci ON service_areas (lower(btrim(name)));

-- The list's "bookings in the last 30 days whose drop-off lies inside" and the map's demand layer
-- read recent drop-offs only: an index-only range scan on created_at, then a bounding-box prefilter
-- per area before the exact distance.
CREATE INDEX idx_bookings_created_dropoff ON bookings (created_at) INCLUDE (dropoff_lat, dropoff_lng);

-- Great-circle distance in miles (haversine, mean Earth radius 3958.8 mi). Pure arithmetic, so staff's
-- read queries may call it. No SET search_path on purpose: that would stop PostgreSQL inlining it into
-- the list query (a call per drop-off instead of an expression); it runs as the caller, names only
-- pg_catalog functions (always searched first) and so gains nobody anything.
CREATE FUNCTION public.distance_miles(lat1 float8, lng1 float8, lat2 float8, lng2 float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT 2 * 3958.8 * pg_catalog.asin(pg_catalog.sqrt(
        pg_catalog.sin(pg_catalog.radians(lat2 - lat1) / 2) ^ 2
        + pg_catalog.cos(pg_catalog.radians(lat1)) * pg_catalog.cos(pg_catalog.radians(lat2))
          * pg_catalog.sin(pg_catalog.radians(lng2 - lng1) / 2) ^ 2))
$$;
REVOKE EXECUTE ON FUNCTION public.distance_miles(float8, float8, float8, float8) FROM PUBLIC;
-- the area list and the booking page call it; both are for roles that see service areas
GRANT EXECUTE ON FUNCTION public.distance_miles(float8, float8, float8, float8) TO tower_admin, tower_ops;
COMMENT ON FUNCTION public.distance_miles(float8, float8, float8, float8) IS 'permission: VIEW_SERVICE_AREAS';

-- Validates an area's fields; raises the first rule broken. p_except is the area being edited.
CREATE FUNCTION tower_internal.check_service_area(p_except uuid, p_name text, p_lat numeric, p_lng numeric,
                                                  p_radius integer)
RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    clash text;
BEGIN
    IF p_name IS NULL OR btrim(p_name) = '' THEN
        PERFORM tower_internal.fail('area.name_blank', 'An area needs a name.');
    END IF;
    IF length(btrim(p_name)) > 80 THEN
        PERFORM tower_internal.fail('area.name_too_long', 'An area name can be at most 80 characters long.');
    END IF;
    IF p_lat IS NULL OR p_lat NOT BETWEEN -90 AND 90 THEN
        PERFORM tower_internal.fail('area.bad_latitude',
            format('The centre''s latitude must be between -90 and 90 degrees; %s is not.', coalesce(p_lat::text, 'nothing')));
    END IF;
    IF p_lng IS NULL OR p_lng NOT BETWEEN -180 AND 180 THEN
        PERFORM tower_internal.fail('area.bad_longitude',
            format('The centre''s longitude must be between -180 and 180 degrees; %s is not.', coalesce(p_lng::text, 'nothing')));
    END IF;
    IF p_radius IS NULL OR p_radius <= 0 OR p_radius > 100 THEN
        PERFORM tower_internal.fail('area.bad_radius',
            format('The radius must be a whole number of miles from 1 to 100; %s is not.', coalesce(p_radius::text, 'nothing')));
    END IF;
    SELECT name INTO clash FROM service_areas
    WHERE lower(btrim(name)) = lower(btrim(p_name)) AND id IS DISTINCT FROM p_except;
    IF FOUND THEN
        PERFORM tower_internal.fail('area.name_taken',
            format('There is already an area called "%s" (names are compared ignoring capitals).', clash));
    END IF;
END;
$$;

-- Locks the area and checks the caller saw its current version.
CREATE FUNCTION tower_internal.lock_service_area(p_id uuid, p_expected_version integer)
RETURNS service_areas
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    a service_areas%ROWTYPE;
BEGIN
    SELECT * INTO a FROM service_areas WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('area.not_found', 'That service area no longer exists.');
    END IF;
    IF p_expected_version IS DISTINCT FROM a.version THEN
        PERFORM tower_internal.fail('area.changed_meanwhile',
            format('%s changed the area "%s" at %s, after you opened it. Reload to see their change, then make yours again.',
                   coalesce(a.updated_by, 'Someone'), a.name,
                   to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')));
    END IF;
    RETURN a;
END;
$$;

CREATE FUNCTION tower_internal.service_area_json(a service_areas)
RETURNS jsonb
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT jsonb_build_object('name', a.name, 'center_lat', a.center_lat, 'center_lng', a.center_lng,
                              'radius_miles', a.radius_miles, 'active', a.active, 'version', a.version)
$$;

-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION ops.create_service_area(p_name text, p_center_lat numeric, p_center_lng numeric, p_radius_miles integer)
RETURNS TABLE (id uuid, version integer)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    a service_areas%ROWTYPE;
BEGIN
    -- one creator or renamer at a time, so two admins cannot both take a free name
    LOCK TABLE service_areas IN SHARE ROW EXCLUSIVE MODE;
    PERFORM tower_internal.check_service_area(NULL, p_name, p_center_lat, p_center_lng, p_radius_miles);
    INSERT INTO service_areas (name, center_lat, center_lng, radius_miles, updated_by)
    VALUES (btrim(p_name), p_center_lat, p_center_lng, p_radius_miles, session_user)
    RETURNING * INTO a;
    PERFORM tower_internal.audit('create_service_area', 'service_areas', a.id::text, 'INSERT',
        NULL, tower_internal.service_area_json(a));
    RETURN QUERY SELECT a.id, a.version;
END;
$$;

-- Edits every field at once; a new name is a rename (providers follow it).
CREATE FUNCTION ops.edit_service_area(p_id uuid, p_expected_version integer, p_name text,
                                      p_center_lat numeric, p_center_lng numeric, p_radius_miles integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    old_row service_areas%ROWTYPE;
    new_row service_areas%ROWTYPE;
    new_name text := btrim(p_name);
    moved integer := 0;
BEGIN
    IF new_name IS DISTINCT FROM (SELECT name FROM service_areas WHERE id = p_id) THEN
        LOCK TABLE service_areas IN SHARE ROW EXCLUSIVE MODE;
    END IF;
    old_row := tower_internal.lock_service_area(p_id, p_expected_version);
    PERFORM tower_internal.check_service_area(p_id, p_name, p_center_lat, p_center_lng, p_radius_miles);
    IF new_name = old_row.name AND p_center_lat = old_row.center_lat AND p_center_lng = old_row.center_lng
       AND p_radius_miles = old_row.radius_miles THEN
        RETURN old_row.version;   -- nothing changes, nothing to audit
    END IF;

    IF new_name <> old_row.name THEN
        UPDATE providers
        SET service_areas = array_replace(service_areas, old_row.name, new_name)
        WHERE service_areas @> ARRAY[old_row.name];
        GET DIAGNOSTICS moved = ROW_COUNT;
    END IF;
    UPDATE service_areas
    SET name = new_name, center_lat = p_center_lat, center_lng = p_center_lng, radius_miles = p_radius_miles,
        version = old_row.version + 1, updated_at = now(), updated_by = session_user
    WHERE service_areas.id = p_id
    RETURNING * INTO new_row;
    PERFORM tower_internal.audit(CASE WHEN new_name <> old_row.name THEN 'rename_service_area' ELSE 'edit_service_area' END,
        'service_areas', p_id::text, 'UPDATE', tower_internal.service_area_json(old_row),
        tower_internal.service_area_json(new_row)
            || CASE WHEN new_name <> old_row.name THEN jsonb_build_object('providers_renamed', moved) ELSE '{}' END);
    RETURN new_row.version;
END;
$$;

CREATE FUNCTION ops.rename_service_area(p_id uuid, p_expected_version integer, p_new_name text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    a service_areas%ROWTYPE;
BEGIN
    SELECT * INTO a FROM service_areas WHERE id = p_id;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('area.not_found', 'That service area no longer exists.');
    END IF;
    RETURN ops.edit_service_area(p_id, p_expected_version, p_new_name, a.center_lat, a.center_lng, a.radius_miles);
END;
$$;

-- Providers who serve this area and no other active one.
CREATE FUNCTION tower_internal.sole_area_providers(p_area_name text)
RETURNS TABLE (provider_id uuid, display_name text)
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT p.id, coalesce(p.business_name, pr.full_name, p.id::text)
    FROM providers p
    LEFT JOIN profiles pr ON pr.id = p.user_id
    WHERE p.service_areas @> ARRAY[p_area_name]
      AND NOT EXISTS (SELECT 1 FROM unnest(p.service_areas) other(name)
                      JOIN service_areas sa ON sa.name = other.name AND sa.active
                      WHERE other.name <> p_area_name)
    ORDER BY 2, 1
$$;

-- Deactivating leaves providers' service_areas alone (the area still exists, so nobody is orphaned),
-- but a provider who serves only this area would be left serving nowhere: that needs confirming.
CREATE FUNCTION ops.deactivate_service_area(p_id uuid, p_expected_version integer,
                                            p_confirm_leaving_providers_without_area boolean DEFAULT false)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    old_row service_areas%ROWTYPE;
    new_row service_areas%ROWTYPE;
    alone_count integer;
    alone_names text;
BEGIN
    -- no other area changes state while we count who would be left without one
    LOCK TABLE service_areas IN SHARE ROW EXCLUSIVE MODE;
    old_row := tower_internal.lock_service_area(p_id, p_expected_version);
    IF NOT old_row.active THEN
        PERFORM tower_internal.fail('area.already_inactive', format('The area "%s" is already inactive.', old_row.name));
    END IF;
    SELECT count(*), string_agg(display_name, ', ') FILTER (WHERE rn <= 5)
    INTO alone_count, alone_names
    FROM (SELECT display_name, row_number() OVER () AS rn FROM tower_internal.sole_area_providers(old_row.name)) s;
    IF alone_count > 0 AND NOT coalesce(p_confirm_leaving_providers_without_area, false) THEN
        PERFORM tower_internal.fail('area.sole_area_of_providers',
            format('%s %s no active area but "%s": %s%s. Confirm to deactivate it anyway and leave %s without an active area.',
                   alone_count, CASE WHEN alone_count = 1 THEN 'provider serves' ELSE 'providers serve' END, old_row.name,
                   alone_names, CASE WHEN alone_count > 5 THEN format(' and %s more', alone_count - 5) ELSE '' END,
                   CASE WHEN alone_count = 1 THEN 'them' ELSE 'them all' END));
    END IF;
    UPDATE service_areas
    SET active = false, version = old_row.version + 1, updated_at = now(), updated_by = session_user
    WHERE id = p_id
    RETURNING * INTO new_row;
    PERFORM tower_internal.audit('deactivate_service_area', 'service_areas', p_id::text, 'UPDATE',
        tower_internal.service_area_json(old_row),
        tower_internal.service_area_json(new_row) || jsonb_build_object('providers_left_without_area', alone_count));
    RETURN new_row.version;
END;
$$;

CREATE FUNCTION ops.reactivate_service_area(p_id uuid, p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    old_row service_areas%ROWTYPE;
    new_row service_areas%ROWTYPE;
BEGIN
    old_row := tower_internal.lock_service_area(p_id, p_expected_version);
    IF old_row.active THEN
        PERFORM tower_internal.fail('area.already_active', format('The area "%s" is already active.', old_row.name));
    END IF;
    UPDATE service_areas
    SET active = true, version = old_row.version + 1, updated_at = now(), updated_by = session_user
    WHERE id = p_id
    RETURNING * INTO new_row;
    PERFORM tower_internal.audit('reactivate_service_area', 'service_areas', p_id::text, 'UPDATE',
        tower_internal.service_area_json(old_row), tower_internal.service_area_json(new_row));
    RETURN new_row.version;
END;
$$;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['ops.create_service_area(text, numeric, numeric, integer)',
                             'ops.edit_service_area(uuid, integer, text, numeric, numeric, integer)',
                             'ops.rename_service_area(uuid, integer, text)',
                             'ops.deactivate_service_area(uuid, integer, boolean)',
                             'ops.reactivate_service_area(uuid, integer)'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tower_admin', f);
        EXECUTE format('COMMENT ON FUNCTION %s IS %L', f, 'permission: MANAGE_SERVICE_AREAS');
    END LOOP;
    FOREACH f IN ARRAY ARRAY['tower_internal.check_service_area(uuid, text, numeric, numeric, integer)',
                             'tower_internal.lock_service_area(uuid, integer)',
                             'tower_internal.service_area_json(service_areas)',
                             'tower_internal.sole_area_providers(text)'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
