-- Triggers from both seeds, plus the booking state machine the console relies on.

-- 000: auto-update timestamps, on every table that has updated_at.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['profiles', 'providers', 'listings', 'bookings', 'user_profiles', 'user_settings',
                             'customer_profiles', 'customer_preferences', 'provider_schedules', 'payments',
                             'ref_codes', 'system_config', 'staff_members'] LOOP
        EXECUTE format('CREATE TRIGGER update_%s_updated_at BEFORE UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()', t, t);
    END LOOP;
END
$$;

-- 000: a profile for every new auth user. SECURITY DEFINER as in the seed; search_path pinned.
CREATE OR REPLACE FUNCTION public.handle_new_user()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO public.profiles (id, email)
    VALUES (new.id, new.email)
    ON CONFLICT (id) DO NOTHING;
    RETURN new;
END;
$$;

-- The trigger can only be placed on an auth.users Tower owns (the stand-in from V1). On Supabase the
-- platform owns auth.users and its own project installs this trigger.
DO $$
BEGIN
    IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'auth.users'::regclass), 'USAGE') THEN
        CREATE TRIGGER on_auth_user_created
            AFTER INSERT ON auth.users
            FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
    ELSE
        RAISE NOTICE 'auth.users belongs to the platform; on_auth_user_created left to it';
    END IF;
END
$$;

-- 000: provider rating from reviews (001's review_count kept with it). SECURITY DEFINER so that a
-- customer's review can update the provider row their RLS policies would otherwise hide.
CREATE OR REPLACE FUNCTION update_provider_rating()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    provider_uuid uuid;
    avg_rating    numeric(3, 2);
    n_reviews     integer;
BEGIN
    SELECT p.id INTO provider_uuid
    FROM providers p
    JOIN profiles pr ON p.user_id = pr.id
    WHERE pr.id = NEW.reviewed_id AND p.user_id IS NOT NULL;

    IF provider_uuid IS NOT NULL THEN
        SELECT avg(rating), count(*) INTO avg_rating, n_reviews
        FROM reviews r
        JOIN profiles pr ON r.reviewed_id = pr.id
        JOIN providers p ON p.user_id = pr.id
        WHERE p.id = provider_uuid;

        UPDATE providers
        SET rating = coalesce(avg_rating, 0.00),
            review_count = n_reviews
        WHERE id = provider_uuid;
    END IF;

    RETURN NEW;
END;
$$;

CREATE TRIGGER update_provider_rating_trigger
    AFTER INSERT OR UPDATE ON reviews
    FOR EACH ROW EXECUTE FUNCTION update_provider_rating();

-- 001: weighted search vector (title A, description B).
CREATE OR REPLACE FUNCTION update_search_vector()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B');
    RETURN NEW;
END;
$$;

CREATE TRIGGER update_provider_services_search_vector
    BEFORE INSERT OR UPDATE OF title, description ON listings
    FOR EACH ROW EXECUTE FUNCTION update_search_vector();

-- Booking state machine. Any change of status must be an edge of booking_status_transitions,
-- whoever makes it (a staff function, the marketplace app, psql as the owner).
CREATE OR REPLACE FUNCTION enforce_booking_transition()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    allowed text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- End users (the marketplace app, with a JWT) create bookings as 'pending' in the future.
        -- Imports and the owner may load history in any state.
        IF auth.uid() IS NOT NULL THEN
            IF NEW.status <> 'pending' THEN
                RAISE EXCEPTION 'A new booking starts as pending, not %.', NEW.status
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_status_transition';
            END IF;
            IF NEW.scheduled_at <= now() THEN
                RAISE EXCEPTION 'A booking must be scheduled in the future.'
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_future_date';
            END IF;
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT EXISTS (SELECT 1 FROM booking_status_transitions
                       WHERE from_status = OLD.status AND to_status = NEW.status) THEN
            SELECT string_agg(to_status::text, ', ' ORDER BY to_status) INTO allowed
            FROM booking_status_transitions WHERE from_status = OLD.status;
            RAISE EXCEPTION 'A booking cannot go from % to %.', OLD.status, NEW.status
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'booking_status_transition',
                      HINT = CASE WHEN allowed IS NULL THEN format('%s is a final state.', OLD.status)
                                  ELSE format('From %s it can go to: %s.', OLD.status, allowed) END;
        END IF;
        IF NEW.status = 'in_progress' AND NEW.actual_start_at IS NULL THEN
            NEW.actual_start_at := now();
        END IF;
        IF NEW.status = 'completed' AND NEW.actual_end_at IS NULL THEN
            NEW.actual_end_at := greatest(now(), NEW.actual_start_at);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_enforce_transition
    BEFORE INSERT OR UPDATE OF status ON bookings
    FOR EACH ROW EXECUTE FUNCTION enforce_booking_transition();

-- Every status a booking takes lands in its history, with the real login that caused it.
CREATE OR REPLACE FUNCTION record_booking_status()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO booking_status_history (booking_id, from_status, to_status, changed_by, note)
        VALUES (NEW.id,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END,
                NEW.status,
                session_user,
                nullif(current_setting('tower.status_note', true), ''));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_status_history
    AFTER INSERT OR UPDATE OF status ON bookings
    FOR EACH ROW EXECUTE FUNCTION record_booking_status();

-- 000: "completed_jobs incremented when bookings reach 'completed' status" (and given back when a
-- completed job is disputed, so a dispute that ends in completion does not count it twice).
CREATE OR REPLACE FUNCTION count_completed_jobs()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.status = 'completed' AND OLD.status <> 'completed' THEN
        UPDATE providers SET completed_jobs = completed_jobs + 1, total_orders = total_orders + 1
        WHERE id = NEW.provider_id;
    ELSIF OLD.status = 'completed' AND NEW.status <> 'completed' THEN
        UPDATE providers SET completed_jobs = greatest(completed_jobs - 1, 0),
                             total_orders = greatest(total_orders - 1, 0)
        WHERE id = NEW.provider_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_count_completed_jobs
    AFTER UPDATE OF status ON bookings
    FOR EACH ROW EXECUTE FUNCTION count_completed_jobs();

-- providers.service_areas stores area names (000). Renaming an area renames it in every provider
-- that serves it, in the same statement, so no provider is orphaned and "nearby providers" still works.
CREATE OR REPLACE FUNCTION propagate_service_area_rename()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE providers
        SET service_areas = array_replace(service_areas, OLD.name, NEW.name)
        WHERE service_areas @> ARRAY[OLD.name];
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER service_areas_propagate_rename
    AFTER UPDATE OF name ON service_areas
    FOR EACH ROW EXECUTE FUNCTION propagate_service_area_rename();
