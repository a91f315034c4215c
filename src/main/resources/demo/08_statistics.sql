-- Demo data, step 8 (end): planner statistics for every loaded table and the materialized views, after the
-- generator has rebuilt the keys and indexes it took off for the load (ANALYZE also samples expression
-- indexes, so they must exist first).

-- @step analyze
ANALYZE auth.users;
ANALYZE profiles;
ANALYZE user_profiles;
ANALYZE user_settings;
ANALYZE customer_profiles;
ANALYZE providers;
ANALYZE provider_schedules;
ANALYZE listings;
ANALYZE document_files;
ANALYZE provider_documents;
ANALYZE bookings;
ANALYZE booking_status_history;
ANALYZE payments;
ANALYZE refunds;
ANALYZE disputes;
ANALYZE reviews;
ANALYZE messages;
ANALYZE notifications;
ANALYZE analytics_events;

-- @step materialized-views
-- every materialized view in public (provider_stats, provider_dashboard_stats and any added later),
-- each refresh recorded in mv_refresh_log as the console's own refreshes are
DO $$
DECLARE
    v  record;
    t0 timestamptz;
BEGIN
    FOR v IN SELECT matviewname FROM pg_matviews WHERE schemaname = 'public' ORDER BY matviewname LOOP
        t0 := clock_timestamp();
        EXECUTE format('REFRESH MATERIALIZED VIEW public.%I', v.matviewname);
        INSERT INTO mv_refresh_log (view_name, duration_ms, was_concurrent)
        VALUES (v.matviewname, (extract(epoch FROM clock_timestamp() - t0) * 1000)::int, false);
    END LOOP;
END
$$;
