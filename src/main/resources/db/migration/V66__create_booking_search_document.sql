-- The bookings search (issue 11), fast for a rare term and for a common one, newest matches first.
--
-- V31 searched each field on its own trigram index and united the hits: a common term (a frequent last
-- name, a street) found tens of thousands of bookings in several indexes, and all of them had to be
-- fetched and sorted before the first page (700 ms at 1M bookings, slower than one ILIKE over all fields).
-- Now each booking carries one search document (order number, customer, provider business and person
-- names, pick-up and drop-off addresses, lower-cased) with one trigram index. The console walks the
-- newest-first index a few thousand rows and filters (a common term fills a page there), and only when
-- that window holds less than a page asks the trigram index (a rare term: few rows to fetch and sort).
--
-- Who may search by it: the document holds customer names and addresses, so it is a column of bookings
-- that ops and admins read (table-wide SELECT) and analysts do not (their column grants in V9 leave it
-- out, as they leave out the addresses).
ALTER TABLE bookings ADD COLUMN search_document text;
ALTER TABLE bookings_archive ADD COLUMN search_document text; -- it mirrors bookings' columns (V4, V30)

-- The one definition of the document's text: the trigger below and the demo generator both use it.
CREATE FUNCTION booking_search_text(p_order_number text, p_customer text, p_business text, p_provider_person text,
                                    p_pickup text, p_dropoff text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
    SELECT pg_catalog.lower(pg_catalog.concat_ws(' ', p_order_number, p_customer, p_business, p_provider_person,
                                                 p_pickup, p_dropoff))
$$;

-- The document of one booking from the current names. SECURITY DEFINER (owner: the tables' owner, whom
-- no policy limits) so that an end user's own insert gets the whole document, not the part their row-level
-- policies let them read; every name is schema-qualified and the path pinned.
-- FOR SHARE on the names read: a rename running at the same time (which updates the bookings it can see)
-- waits for this booking's transaction, or this one waits for the rename and reads the new name; without
-- it a booking inserted beside a rename would keep the old name.
CREATE FUNCTION booking_search_document_of(p_order_number text, p_consumer uuid, p_provider uuid,
                                           p_pickup text, p_dropoff text)
RETURNS text
LANGUAGE sql VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT public.booking_search_text(
        p_order_number,
        (SELECT c.full_name FROM public.profiles c WHERE c.id = p_consumer FOR SHARE),
        (SELECT v.business_name FROM public.providers v WHERE v.id = p_provider FOR SHARE),
        (SELECT pp.full_name FROM public.providers v JOIN public.profiles pp ON pp.id = v.user_id
         WHERE v.id = p_provider FOR SHARE OF pp),
        p_pickup, p_dropoff)
$$;

CREATE FUNCTION fill_booking_search_document()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.search_document := public.booking_search_document_of(NEW.order_number, NEW.consumer_id, NEW.provider_id,
                                                             NEW.pickup_address, NEW.dropoff_address);
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_search_document
    BEFORE INSERT OR UPDATE OF order_number, consumer_id, provider_id, pickup_address, dropoff_address ON bookings
    FOR EACH ROW EXECUTE FUNCTION fill_booking_search_document();

-- A renamed customer, provider or provider's person: their bookings' documents follow in the same statement.
CREATE FUNCTION refresh_booking_search_for_profile()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.full_name IS DISTINCT FROM OLD.full_name THEN
        UPDATE public.bookings b
        SET search_document = public.booking_search_document_of(b.order_number, b.consumer_id, b.provider_id,
                                                                b.pickup_address, b.dropoff_address)
        WHERE b.consumer_id = NEW.id
           OR b.provider_id IN (SELECT v.id FROM public.providers v WHERE v.user_id = NEW.id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER profiles_refresh_booking_search
    AFTER UPDATE OF full_name ON profiles
    FOR EACH ROW EXECUTE FUNCTION refresh_booking_search_for_profile();

CREATE FUNCTION refresh_booking_search_for_provider()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.business_name IS DISTINCT FROM OLD.business_name OR NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        UPDATE public.bookings b
        SET search_document = public.booking_search_document_of(b.order_number, b.consumer_id, b.provider_id,
                                                                b.pickup_address, b.dropoff_address)
        WHERE b.provider_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER providers_refresh_booking_search
    AFTER UPDATE OF business_name, user_id ON providers
    FOR EACH ROW EXECUTE FUNCTION refresh_booking_search_for_provider();

-- A refreshed document is not a change anyone made to the booking: it keeps its version, so an open
-- booking page does not see a conflict for a customer's new name (V30's bump, otherwise unchanged).
CREATE OR REPLACE FUNCTION bump_booking_version()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.search_document IS DISTINCT FROM OLD.search_document
       AND (to_jsonb(NEW) - 'search_document' - 'updated_at' - 'version')
           = (to_jsonb(OLD) - 'search_document' - 'updated_at' - 'version') THEN
        NEW.version := OLD.version;
    ELSE
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END;
$$;

REVOKE ALL ON FUNCTION booking_search_document_of(text, uuid, uuid, text, text), fill_booking_search_document(),
    refresh_booking_search_for_profile(), refresh_booking_search_for_provider() FROM PUBLIC;

-- V31's per-field trigram indexes go first: every one of them would otherwise take a new entry for each
-- row the backfill below rewrites.
DROP INDEX idx_bookings_order_number_trgm;
DROP INDEX idx_bookings_dropoff_address_trgm;
DROP INDEX idx_bookings_pickup_address_trgm;

-- The existing bookings' documents, by one set-based join (the function above, run per row with its row
-- locks, took many minutes at 1M bookings). Nobody changed these bookings, so their updated_at and
-- version stay.
ALTER TABLE bookings DISABLE TRIGGER update_bookings_updated_at;
ALTER TABLE bookings DISABLE TRIGGER bookings_bump_version;
UPDATE bookings b
SET search_document = d.document
FROM (SELECT x.id, booking_search_text(x.order_number, c.full_name, v.business_name, pp.full_name,
                                       x.pickup_address, x.dropoff_address) AS document
      FROM bookings x
      JOIN profiles c ON c.id = x.consumer_id
      JOIN providers v ON v.id = x.provider_id
      LEFT JOIN profiles pp ON pp.id = v.user_id) d
WHERE d.id = b.id;
ALTER TABLE bookings ENABLE TRIGGER update_bookings_updated_at;
ALTER TABLE bookings ENABLE TRIGGER bookings_bump_version;

-- One trigram index for every field (names keep their own: other screens search profiles and providers).
CREATE INDEX idx_bookings_search_document_trgm ON bookings USING gin (search_document tower_ext.gin_trgm_ops);
