-- What each staff group may read. Nobody on staff gets INSERT, UPDATE, DELETE or TRUNCATE on any
-- table: every change goes through a SECURITY DEFINER function that checks, locks and audits.
-- Admins read everything; ops read everything but providers' bank and tax details; analysts read
-- no customer contact details (email, phone, address, street coordinates, free-text notes) anywhere.

GRANT SELECT ON ALL TABLES IN SCHEMA public TO tower_admin;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['profiles', 'listings', 'bookings', 'reviews', 'messages', 'user_profiles',
                             'user_settings', 'provider_schedules', 'customer_profiles', 'customer_preferences',
                             'order_items', 'payments', 'refunds', 'disputes', 'booking_status_history',
                             'booking_status_transitions', 'service_areas', 'ref_codes', 'system_config',
                             'staff_members', 'notifications', 'provider_documents', 'mv_refresh_log',
                             'provider_stats', 'provider_dashboard_stats', 'users', 'provider_services',
                             'orders', 'bookings_archive'] LOOP
        EXECUTE format('GRANT SELECT ON %I TO tower_ops', t);
    END LOOP;
END
$$;
GRANT SELECT (id, user_id, created_at, updated_at, type, certifications, service_areas, rating, completed_jobs,
              verified, business_name, business_description, business_phone, business_email, business_address,
              business_website, service_categories, certification_status, verification_documents, is_active,
              review_count, total_orders, total_earnings)
    ON providers TO tower_ops;
GRANT SELECT ON provider_profiles TO tower_ops;

-- Analysts
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['listings', 'reviews', 'provider_schedules', 'order_items', 'refunds',
                             'booking_status_history', 'booking_status_transitions', 'service_areas', 'ref_codes',
                             'system_config', 'staff_members', 'mv_refresh_log', 'provider_stats',
                             'provider_dashboard_stats', 'provider_services', 'analytics_events'] LOOP
        EXECUTE format('GRANT SELECT ON %I TO tower_analyst', t);
    END LOOP;
END
$$;
GRANT SELECT (id, created_at, updated_at, full_name, avatar_url, role, detroit_zone, status,
              email_verified, phone_verified)
    ON profiles TO tower_analyst;
GRANT SELECT (id, user_id, created_at, updated_at, type, certifications, service_areas, rating, completed_jobs,
              verified, business_name, business_description, business_website, service_categories,
              certification_status, is_active, review_count, total_orders, total_earnings)
    ON providers TO tower_analyst;
GRANT SELECT (id, created_at, updated_at, consumer_id, provider_id, listing_id, status, scheduled_at,
              price_total, payment_status, order_number, service_price, platform_fee, tax_amount,
              scheduled_end_at, actual_start_at, actual_end_at, refund_amount, service_area_id)
    ON bookings TO tower_analyst;
GRANT SELECT (id, order_id, payment_method, payment_provider, amount, currency, status, created_at, updated_at)
    ON payments TO tower_analyst;
GRANT SELECT (id, booking_id, status, resolution, opened_at, sla_due_at, reviewed_at, resolved_at)
    ON disputes TO tower_analyst;
GRANT SELECT (id, preferred_services, loyalty_points, total_orders, total_spent, created_at)
    ON customer_profiles TO tower_analyst;

-- Everyone on staff needs to know their own name and the console's settings at sign-in.
GRANT SELECT ON staff_members, system_config TO tower_admin, tower_ops, tower_analyst;
