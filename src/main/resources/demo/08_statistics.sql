-- Demo data, step 8 (end): planner statistics for every loaded table, after the generator has rebuilt the
-- keys and indexes it took off for the load (ANALYZE also samples expression indexes, so they must exist
-- first). The materialized views are refreshed after the load commits, beside the indexes built then
-- (demo/AfterCommitWork), each refresh recorded in mv_refresh_log as the console's own refreshes are.

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
