-- Demo data, step 0: wipe the business data a previous generation (or anyone) left. Kept: service_areas,
-- ref_codes, system_config, staff_members, booking_status_transitions, mv_refresh_log and Flyway's history.
-- CASCADE also empties anything added later that references these tables. The audit log is not a table
-- here (it belongs to tower_audit): 09_audit.sql empties it through tower_audit.reset_for_demo().

-- @step wipe
TRUNCATE TABLE
    auth.users,
    profiles, user_profiles, user_settings, customer_profiles, customer_preferences,
    providers, provider_schedules, listings, document_files, provider_documents,
    bookings, bookings_archive, booking_status_history, order_items, payments, refunds, disputes,
    reviews, messages, notifications, analytics_events, cache_store
    RESTART IDENTITY CASCADE;
