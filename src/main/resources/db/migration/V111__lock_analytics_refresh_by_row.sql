-- Analytics (issue 13, review): the "already refreshing" exclusion, rebuilt so only a refresh can hold it.
-- V81 used a transaction advisory lock, and any login can take any advisory lock: a staff member with psql
-- could run pg_advisory_lock(80, hashtext('analytics_daily_bookings')) and keep every refresh of that view
-- refused. Now a refresh holds a row lock (FOR UPDATE, not waiting) on the view's row in a table in
-- tower_internal: staff have no USAGE on that schema and no privilege on the table (locking a row needs
-- UPDATE), so no staff login can take or hold it; only ops.refresh_analytics, running as the owner, does.
-- The refusal stays in plain words and still names who is refreshing.

CREATE TABLE tower_internal.analytics_refresh_locks (
    view_name text PRIMARY KEY REFERENCES public.analytics_views (view_name) ON DELETE CASCADE
);
REVOKE ALL ON tower_internal.analytics_refresh_locks FROM PUBLIC;
INSERT INTO tower_internal.analytics_refresh_locks (view_name) SELECT view_name FROM public.analytics_views;

-- A view listed later gets its lock row with it, so a refresh never finds its row missing.
CREATE FUNCTION tower_internal.add_analytics_refresh_lock()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO tower_internal.analytics_refresh_locks (view_name) VALUES (NEW.view_name) ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION tower_internal.add_analytics_refresh_lock() FROM PUBLIC;
CREATE TRIGGER analytics_views_refresh_lock AFTER INSERT ON public.analytics_views
    FOR EACH ROW EXECUTE FUNCTION tower_internal.add_analytics_refresh_lock();

CREATE OR REPLACE FUNCTION ops.refresh_analytics(p_view text, p_concurrently boolean DEFAULT true)
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
    -- Held until this transaction ends, like the refresh itself. SKIP LOCKED rather than NOWAIT: taken at
    -- the top level (no subtransaction to catch an error in), the row's xmax is the holder's own transaction,
    -- whose lock in pg_locks names the session. Every listed view has its row (trigger above).
    PERFORM 1 FROM tower_internal.analytics_refresh_locks k WHERE k.view_name = v.view_name FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
        SELECT s.usename INTO holder
        FROM tower_internal.analytics_refresh_locks k
        JOIN pg_catalog.pg_locks l ON l.locktype = 'transactionid' AND l.transactionid = k.xmax
                                  AND l.mode = 'ExclusiveLock' AND l.granted
        JOIN pg_catalog.pg_stat_activity s ON s.pid = l.pid
        WHERE k.view_name = v.view_name
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
-- CREATE OR REPLACE keeps V81's grants (admins and analysts) and its permission comment.
