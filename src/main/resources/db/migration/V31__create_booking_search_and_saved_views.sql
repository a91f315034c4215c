-- The bookings browser (issue 11): search that stays fast at a million bookings, and saved views.
--
-- Search is a UNION of per-field searches, each on its own trigram index (an OR of ILIKE '%term%'
-- across fields cannot use any index and took 9.8 s at 1M bookings; the union 9 to 229 ms).
-- pg_trgm is a trusted extension; its objects belong to whoever creates it, so it lives in its own
-- schema and public keeps only tower_owner's objects. The indexes name the operator class by schema;
-- queries need nothing from it (ILIKE is built in; the planner finds the index by the opclass).
CREATE SCHEMA IF NOT EXISTS tower_ext; -- V20 (provider verification) may have made it already
REVOKE ALL ON SCHEMA tower_ext FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA tower_ext;

CREATE INDEX idx_bookings_order_number_trgm ON bookings USING gin (order_number tower_ext.gin_trgm_ops);
CREATE INDEX idx_bookings_dropoff_address_trgm ON bookings USING gin (dropoff_address tower_ext.gin_trgm_ops);
CREATE INDEX idx_bookings_pickup_address_trgm ON bookings USING gin (pickup_address tower_ext.gin_trgm_ops);
CREATE INDEX IF NOT EXISTS idx_profiles_full_name_trgm ON profiles USING gin (full_name tower_ext.gin_trgm_ops);
CREATE INDEX IF NOT EXISTS idx_providers_business_name_trgm ON providers USING gin (business_name tower_ext.gin_trgm_ops);
-- Filters that lead the keyset order: each gives "newest first within the filter" as an index range.
CREATE INDEX idx_bookings_provider_created_id ON bookings (provider_id, created_at DESC, id DESC);
CREATE INDEX idx_bookings_payment_created_id ON bookings (payment_status, created_at DESC, id DESC);
CREATE INDEX idx_bookings_listing_created_id ON bookings (listing_id, created_at DESC, id DESC);

-- The keyset cursor is (created_at, id); a NULL created_at would fall out of every page.
UPDATE bookings SET created_at = coalesce(updated_at, scheduled_at) WHERE created_at IS NULL;
ALTER TABLE bookings ALTER COLUMN created_at SET NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Saved views: a named filter set, private to its owner or shared with the owner's role.
CREATE TABLE booking_saved_views (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_login      text NOT NULL DEFAULT session_user,
    name             text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 80),
    filters          jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
    shared_with_role text CHECK (shared_with_role IN ('tower_admin', 'tower_ops', 'tower_analyst')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (owner_login, name)
);
CREATE INDEX idx_booking_saved_views_shared ON booking_saved_views (shared_with_role) WHERE shared_with_role IS NOT NULL;
ALTER TABLE booking_saved_views ENABLE ROW LEVEL SECURITY;
-- Staff read their own views and those shared with a role they are in; changes go through ops only.
CREATE POLICY booking_saved_views_visible ON booking_saved_views FOR SELECT
    USING (owner_login = session_user
           OR (shared_with_role IS NOT NULL AND pg_has_role(session_user, shared_with_role, 'MEMBER')));
GRANT SELECT ON booking_saved_views TO tower_admin, tower_ops;

CREATE FUNCTION ops.save_booking_view(p_name text, p_filters jsonb, p_shared boolean)
RETURNS uuid
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    clean_name text := btrim(coalesce(p_name, ''));
    share_role text;
    unknown text;
    existing booking_saved_views%ROWTYPE;
    saved_id uuid;
BEGIN
    IF clean_name = '' THEN
        PERFORM tower_internal.fail('booking_view.name_required', 'Give the view a name.');
    END IF;
    IF length(clean_name) > 80 THEN
        PERFORM tower_internal.fail('booking_view.name_too_long', 'A view name can be at most 80 characters.');
    END IF;
    IF p_filters IS NULL OR jsonb_typeof(p_filters) <> 'object' THEN
        PERFORM tower_internal.fail('booking_view.bad_filters', 'The view''s filters are missing.');
    END IF;
    SELECT string_agg(k, ', ') INTO unknown FROM jsonb_object_keys(p_filters) k
    WHERE k NOT IN ('status', 'paymentStatus', 'from', 'to', 'serviceAreaId', 'category', 'providerId',
                    'customerId', 'search', 'startedLateByHours');
    IF unknown IS NOT NULL THEN
        PERFORM tower_internal.fail('booking_view.bad_filters', format('Unknown filter: %s.', unknown));
    END IF;
    IF coalesce(p_shared, false) THEN
        SELECT role_group INTO share_role FROM staff_members WHERE login = session_user;
        IF share_role IS NULL THEN
            PERFORM tower_internal.fail('booking_view.no_role', 'Only staff with a role can share a view with it.');
        END IF;
    END IF;

    SELECT * INTO existing FROM booking_saved_views WHERE owner_login = session_user AND name = clean_name FOR UPDATE;
    IF FOUND THEN
        UPDATE booking_saved_views SET filters = p_filters, shared_with_role = share_role,
                                       updated_at = now(), version = version + 1
        WHERE id = existing.id RETURNING id INTO saved_id;
        PERFORM tower_internal.audit('save_booking_view', 'booking_saved_views', saved_id::text, 'UPDATE',
            jsonb_build_object('filters', existing.filters, 'shared_with_role', existing.shared_with_role),
            jsonb_build_object('filters', p_filters, 'shared_with_role', share_role));
    ELSE
        INSERT INTO booking_saved_views (name, filters, shared_with_role) VALUES (clean_name, p_filters, share_role)
        RETURNING id INTO saved_id;
        PERFORM tower_internal.audit('save_booking_view', 'booking_saved_views', saved_id::text, 'INSERT', NULL,
            jsonb_build_object('name', clean_name, 'filters', p_filters, 'shared_with_role', share_role));
    END IF;
    RETURN saved_id;
END;
$$;

CREATE FUNCTION ops.delete_booking_view(p_id uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    existing booking_saved_views%ROWTYPE;
BEGIN
    SELECT * INTO existing FROM booking_saved_views WHERE id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('booking_view.not_found', 'That saved view no longer exists.');
    END IF;
    IF existing.owner_login <> session_user THEN
        PERFORM tower_internal.fail('booking_view.not_yours',
            format('Only %s, who saved the view "%s", can delete it.', existing.owner_login, existing.name));
    END IF;
    DELETE FROM booking_saved_views WHERE id = p_id;
    PERFORM tower_internal.audit('delete_booking_view', 'booking_saved_views', p_id::text, 'DELETE',
        jsonb_build_object('name', existing.name, 'filters', existing.filters), NULL);
END;
$$;

REVOKE ALL ON FUNCTION ops.save_booking_view(text, jsonb, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION ops.delete_booking_view(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.save_booking_view(text, jsonb, boolean) TO tower_admin, tower_ops;
GRANT EXECUTE ON FUNCTION ops.delete_booking_view(uuid) TO tower_admin, tower_ops;
COMMENT ON FUNCTION ops.save_booking_view(text, jsonb, boolean) IS 'permission: VIEW_BOOKINGS';
COMMENT ON FUNCTION ops.delete_booking_view(uuid) IS 'permission: VIEW_BOOKINGS';
