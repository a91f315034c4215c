-- Provider verification and service areas at 100k providers (issues 9 and 10 missed their bench targets):
-- what the queue tabs and the area list counted on every open is now kept by the database as it changes.
--
-- 1. provider_status_counts: providers per stored certification_status (the queue's tab counts).
-- 2. provider_area_counts: providers naming each area in service_areas, verified and all (the area list).
--    Both are kept exact by statement-level triggers on providers that apply the change of each statement
--    (new rows minus old rows) as increments, so concurrent writers add up instead of overwriting each
--    other; a statement that changes neither status, verified nor service_areas applies nothing and
--    locks no summary row. Rows are upserted in key order, so two writers lock them in the same order.
-- 3. providers.next_document_expiry / required_documents_expire_on: the dates the "expiring within N days"
--    filter and the re-verification queue compare with current_date, kept per provider by a trigger on
--    provider_documents. Only dates are stored: "expiring" and "expired" are still decided against
--    today's date when the queue is read, so nothing goes stale when a day passes.

CREATE TABLE provider_status_counts (
    certification_status text PRIMARY KEY,
    providers            bigint NOT NULL
);
CREATE TABLE provider_area_counts (
    -- as providers.service_areas names it (the area list matches names exactly, as seed 000 does)
    area_name text PRIMARY KEY,
    verified  bigint NOT NULL,
    providers bigint NOT NULL
);
-- the roles that read providers and areas (VIEW_PROVIDERS, VIEW_SERVICE_AREAS); analysts do not
GRANT SELECT ON provider_status_counts, provider_area_counts TO tower_admin, tower_ops;

-- Recounts both from the providers table (the migration, and the demo load, which runs with triggers off).
CREATE FUNCTION tower_internal.recount_providers()
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    DELETE FROM public.provider_status_counts;
    INSERT INTO public.provider_status_counts (certification_status, providers)
    SELECT p.certification_status, count(*) FROM public.providers p
    WHERE p.certification_status IS NOT NULL GROUP BY 1;
    DELETE FROM public.provider_area_counts;
    INSERT INTO public.provider_area_counts (area_name, verified, providers)
    SELECT s.area_name, count(*) FILTER (WHERE s.verified), count(*)
    FROM (SELECT DISTINCT p.id, coalesce(p.verified, false) AS verified, a.area_name
          FROM public.providers p CROSS JOIN LATERAL unnest(p.service_areas) AS a(area_name)
          WHERE a.area_name IS NOT NULL) s
    GROUP BY 1;
$$;

-- One function for the three row events. The transition tables the firing trigger names are read by
-- dynamic SQL (plpgsql resolves them only in the statement that runs), built from constant text only.
-- Most updates of providers (counters, contact details) change none of the counted columns: those
-- return after one comparison, locking nothing.
CREATE FUNCTION tower_internal.count_provider_changes()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    new_part constant text := 'SELECT n.id, n.certification_status, coalesce(n.verified, false) AS verified, '
                              || 'n.service_areas, 1 AS sign FROM new_rows n';
    old_part constant text := 'SELECT o.id, o.certification_status, coalesce(o.verified, false) AS verified, '
                              || 'o.service_areas, -1 AS sign FROM old_rows o';
    delta text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM public.provider_status_counts;
        DELETE FROM public.provider_area_counts;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        delta := new_part;
    ELSIF TG_OP = 'DELETE' THEN
        delta := old_part;
    ELSE
        IF NOT EXISTS (SELECT n.id, n.certification_status, n.verified, n.service_areas FROM new_rows n
                       EXCEPT ALL
                       SELECT o.id, o.certification_status, o.verified, o.service_areas FROM old_rows o) THEN
            RETURN NULL; -- same rows, same counted values (an UPDATE has as many new rows as old)
        END IF;
        delta := new_part || ' UNION ALL ' || old_part;
    END IF;

    EXECUTE 'WITH delta AS (' || delta || ')
        INSERT INTO public.provider_status_counts AS c (certification_status, providers)
        SELECT d.certification_status, sum(d.sign) FROM delta d
        WHERE d.certification_status IS NOT NULL
        GROUP BY 1 HAVING sum(d.sign) <> 0 ORDER BY 1
        ON CONFLICT (certification_status) DO UPDATE SET providers = c.providers + excluded.providers';

    EXECUTE 'WITH delta AS (' || delta || ')
        INSERT INTO public.provider_area_counts AS c (area_name, verified, providers)
        SELECT s.area_name, coalesce(sum(s.sign) FILTER (WHERE s.verified), 0), sum(s.sign)
        FROM (SELECT DISTINCT d.id, d.verified, d.sign, a.area_name
              FROM delta d CROSS JOIN LATERAL unnest(d.service_areas) AS a(area_name)
              WHERE a.area_name IS NOT NULL) s
        GROUP BY 1
        HAVING sum(s.sign) <> 0 OR coalesce(sum(s.sign) FILTER (WHERE s.verified), 0) <> 0
        ORDER BY 1
        ON CONFLICT (area_name) DO UPDATE
            SET verified = c.verified + excluded.verified, providers = c.providers + excluded.providers';
    RETURN NULL;
END;
$$;

CREATE TRIGGER providers_count_inserted AFTER INSERT ON providers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_provider_changes();
CREATE TRIGGER providers_count_updated AFTER UPDATE ON providers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_provider_changes();
CREATE TRIGGER providers_count_deleted AFTER DELETE ON providers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_provider_changes();
CREATE TRIGGER providers_count_truncated AFTER TRUNCATE ON providers
    FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.count_provider_changes();

-- ---------------------------------------------------------------------------------------------
ALTER TABLE providers
    -- the earliest expiry of a document that is not rejected (NULL: none expires): "expiring within N days"
    ADD COLUMN next_document_expiry date,
    -- when the first required kind that has an accepted document runs out: per kind the latest expiry of its
    -- accepted documents ('infinity' for one without expiry), then the earliest over the kinds. NULL when no
    -- required kind has an accepted document. Re-verification is due when it falls within 30 days.
    ADD COLUMN required_documents_expire_on date;
GRANT SELECT (next_document_expiry, required_documents_expire_on) ON providers TO tower_ops, tower_analyst;

-- The two dates for the given providers (all when p_ids is NULL), written only where they changed.
CREATE FUNCTION tower_internal.refresh_provider_document_dates(p_ids uuid[])
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    WITH next_expiry AS (
        SELECT d.provider_id, min(d.expires_on) AS on_date
        FROM public.provider_documents d
        WHERE d.expires_on IS NOT NULL AND d.decision <> 'rejected'
          AND (p_ids IS NULL OR d.provider_id = ANY (p_ids))
        GROUP BY 1
    ), per_kind AS (
        SELECT d.provider_id, d.kind, max(coalesce(d.expires_on, 'infinity'::date)) AS until
        FROM public.provider_documents d
        JOIN public.providers p ON p.id = d.provider_id
        JOIN public.provider_required_documents r ON r.provider_type = p.type AND r.kind = d.kind
        WHERE d.decision = 'approved' AND (p_ids IS NULL OR d.provider_id = ANY (p_ids))
        GROUP BY 1, 2
    ), required AS (
        SELECT k.provider_id, min(k.until) AS on_date FROM per_kind k GROUP BY 1
    )
    UPDATE public.providers p
    SET next_document_expiry = n.on_date, required_documents_expire_on = r.on_date
    FROM public.providers p2
    LEFT JOIN next_expiry n ON n.provider_id = p2.id
    LEFT JOIN required r ON r.provider_id = p2.id
    WHERE p2.id = p.id
      AND (p_ids IS NULL OR p.id = ANY (p_ids))
      AND (p.next_document_expiry IS DISTINCT FROM n.on_date OR p.required_documents_expire_on IS DISTINCT FROM r.on_date);
$$;

CREATE FUNCTION tower_internal.keep_provider_document_dates()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_TABLE_NAME = 'provider_required_documents' THEN
        PERFORM tower_internal.refresh_provider_document_dates(NULL);
    ELSIF TG_TABLE_NAME = 'providers' THEN
        PERFORM tower_internal.refresh_provider_document_dates(ARRAY[NEW.id]);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM tower_internal.refresh_provider_document_dates(ARRAY[NEW.provider_id]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tower_internal.refresh_provider_document_dates(ARRAY[OLD.provider_id]);
    ELSE
        PERFORM tower_internal.refresh_provider_document_dates(ARRAY[OLD.provider_id, NEW.provider_id]);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER provider_documents_keep_dates
    AFTER INSERT OR DELETE OR UPDATE OF provider_id, kind, decision, expires_on ON provider_documents
    FOR EACH ROW EXECUTE FUNCTION tower_internal.keep_provider_document_dates();
-- a provider whose type changes needs other kinds
CREATE TRIGGER providers_keep_document_dates
    AFTER UPDATE OF type ON providers
    FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type)
    EXECUTE FUNCTION tower_internal.keep_provider_document_dates();
CREATE TRIGGER provider_required_documents_keep_dates
    AFTER INSERT OR UPDATE OR DELETE ON provider_required_documents
    FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.keep_provider_document_dates();

-- The re-verification tab and its count: verified providers whose date falls within 30 days (a few
-- thousand of 100k), counted from this index alone.
CREATE INDEX idx_providers_verified_required_expiry
    ON providers (required_documents_expire_on) WHERE certification_status = 'verified';

SELECT tower_internal.recount_providers();
-- filling the new columns is no change to the providers: their updated_at stays
ALTER TABLE providers DISABLE TRIGGER update_providers_updated_at;
SELECT tower_internal.refresh_provider_document_dates(NULL);
ALTER TABLE providers ENABLE TRIGGER update_providers_updated_at;
