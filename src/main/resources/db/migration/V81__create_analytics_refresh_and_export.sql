-- Analytics (issue 13): refreshing the views and recording exports, both through guarded functions.
--
-- ops.refresh_analytics refreshes one view of analytics_views. A second refresh of the same view while
-- one runs is refused in plain words: the first holds a transaction-level advisory lock on the view's
-- key until it commits, and the second only tries it. A refresh that fails (a constraint, a full disk, a
-- duplicate key) runs in a subtransaction that is rolled back, so the view keeps its previous rows, and
-- the failure is logged with its reason like every other outcome: who, when, how long, rows, outcome.

ALTER TABLE mv_refresh_log
    ADD COLUMN row_count bigint,
    ADD COLUMN outcome   text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'failed')),
    ADD COLUMN error     text,
    ADD CONSTRAINT mv_refresh_log_failure_explained CHECK ((outcome = 'failed') = (error IS NOT NULL));
-- "how old is this view's data": the newest successful refresh of each view
CREATE INDEX idx_mv_refresh_log_ok ON mv_refresh_log (view_name, refreshed_at DESC) WHERE outcome = 'ok';

-- Who exported which table or chart, in what format, how many rows (exports leave the database, so
-- they are the audited "action" of a read-only role).
CREATE TABLE analytics_exports (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exported_at timestamptz NOT NULL DEFAULT now(),
    exported_by text NOT NULL DEFAULT session_user,
    what        text NOT NULL CHECK (btrim(what) <> '' AND length(what) <= 200),
    format      text NOT NULL CHECK (format IN ('csv', 'png')),
    row_count   integer NOT NULL CHECK (row_count >= 0),
    columns     text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_analytics_exports_when ON analytics_exports (exported_at DESC, id DESC);
GRANT SELECT ON analytics_exports TO tower_admin, tower_analyst;

-- Advisory lock namespace 80 (this feature's migration range); the second key is the view's hash.
CREATE FUNCTION ops.refresh_analytics(p_view text, p_concurrently boolean DEFAULT true)
RETURNS TABLE (log_id bigint, view_name text, outcome text, row_count bigint, duration_ms integer, error text)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    v        public.analytics_views%ROWTYPE;
    t0       timestamptz := clock_timestamp();
    n        bigint;
    failure  text;
    result   text := 'ok';
    holder   text;
    ms       integer;
    new_id   bigint;
BEGIN
    SELECT * INTO v FROM public.analytics_views a WHERE a.view_name = p_view;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('analytics.unknown_view',
            format('There is no analytics view called "%s".', coalesce(p_view, 'nothing')));
    END IF;
    IF p_concurrently IS NULL THEN
        PERFORM tower_internal.fail('analytics.bad_mode', 'Say whether to refresh concurrently or not.');
    END IF;
    IF NOT pg_catalog.pg_try_advisory_xact_lock(80, pg_catalog.hashtext(v.view_name)) THEN
        SELECT s.usename INTO holder
        FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity s ON s.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.pid <> pg_catalog.pg_backend_pid()
          AND l.classid = 80::oid
          AND l.objid = (pg_catalog.hashtext(v.view_name)::bigint & 4294967295)::oid
        LIMIT 1;
        PERFORM tower_internal.fail('analytics.refresh_running',
            format('"%s" is already being refreshed%s. This second refresh was not started; the one under way will bring the data up to date.',
                   v.title, coalesce(' by ' || holder, '')));
    END IF;

    BEGIN
        IF p_concurrently THEN
            EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY public.%I', v.view_name);
        ELSE
            EXECUTE format('REFRESH MATERIALIZED VIEW public.%I', v.view_name);
        END IF;
        EXECUTE format('SELECT count(*) FROM public.%I', v.view_name) INTO n;
    EXCEPTION WHEN OTHERS THEN
        -- rolled back to the block's start: the view still holds the rows of its last good refresh
        result := 'failed';
        failure := SQLERRM;
        n := NULL;
    END;
    ms := greatest(0, (extract(epoch FROM clock_timestamp() - t0) * 1000)::integer);

    INSERT INTO public.mv_refresh_log (view_name, refreshed_at, refreshed_by, duration_ms, was_concurrent,
                                       row_count, outcome, error)
    VALUES (v.view_name, t0, session_user, ms, p_concurrently, n, result, failure)
    RETURNING id INTO new_id;
    PERFORM tower_internal.audit('refresh_analytics', 'mv_refresh_log', new_id::text, 'INSERT', NULL,
        jsonb_build_object('view_name', v.view_name, 'concurrently', p_concurrently, 'rows', n,
                           'duration_ms', ms, 'outcome', result, 'error', failure));
    RETURN QUERY SELECT new_id, v.view_name, result, n, ms, failure;
END;
$$;

CREATE FUNCTION ops.record_analytics_export(p_what text, p_format text, p_rows integer, p_columns text[])
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    e public.analytics_exports%ROWTYPE;
    contact text;
BEGIN
    IF p_what IS NULL OR btrim(p_what) = '' THEN
        PERFORM tower_internal.fail('analytics.export_unnamed', 'Say which table or chart is being exported.');
    END IF;
    IF length(btrim(p_what)) > 200 THEN
        PERFORM tower_internal.fail('analytics.export_name_too_long', 'The export''s name can be at most 200 characters long.');
    END IF;
    IF p_format IS NULL OR p_format NOT IN ('csv', 'png') THEN
        PERFORM tower_internal.fail('analytics.export_bad_format',
            format('Exports are CSV or PNG; "%s" is neither.', coalesce(p_format, 'nothing')));
    END IF;
    IF p_rows IS NULL OR p_rows < 0 THEN
        PERFORM tower_internal.fail('analytics.export_bad_rows', 'An export has zero or more rows.');
    END IF;
    -- analytics exports are built from the analytics views, which hold no contact details; a column
    -- that looks like one means the export was not, so it is refused rather than recorded as harmless
    SELECT c INTO contact FROM unnest(coalesce(p_columns, '{}')) c
    WHERE lower(c) ~ '(e-?mail|phone|address|_lat$|_lng$|latitude|longitude|notes|instructions)' LIMIT 1;
    IF FOUND THEN
        PERFORM tower_internal.fail('analytics.export_contact_details',
            format('The column "%s" looks like contact details, which analytics exports never contain.', contact));
    END IF;
    INSERT INTO public.analytics_exports (what, format, row_count, columns)
    VALUES (btrim(p_what), p_format, p_rows, coalesce(p_columns, '{}'))
    RETURNING * INTO e;
    PERFORM tower_internal.audit('export_analytics', 'analytics_exports', e.id::text, 'INSERT', NULL,
        jsonb_build_object('what', e.what, 'format', e.format, 'rows', e.row_count, 'columns', to_jsonb(e.columns)));
    RETURN e.id;
END;
$$;

REVOKE ALL ON FUNCTION ops.refresh_analytics(text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.refresh_analytics(text, boolean) TO tower_admin, tower_analyst;
COMMENT ON FUNCTION ops.refresh_analytics(text, boolean) IS 'permission: REFRESH_ANALYTICS';
REVOKE ALL ON FUNCTION ops.record_analytics_export(text, text, integer, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.record_analytics_export(text, text, integer, text[]) TO tower_admin, tower_analyst;
COMMENT ON FUNCTION ops.record_analytics_export(text, text, integer, text[]) IS 'permission: EXPORT_ANALYTICS';

-- The views were created with their data by V80 (empty on a new database); that is their first refresh.
INSERT INTO mv_refresh_log (view_name, duration_ms, was_concurrent, row_count, outcome)
SELECT v.view_name, 0, false, NULL, 'ok' FROM analytics_views v;
