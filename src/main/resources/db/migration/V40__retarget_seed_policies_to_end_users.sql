-- Staff get the plans the data allows (issue 8, item 7).
--
-- The seeds' end-user policies were created without TO, so they applied to PUBLIC, staff included.
-- Permissive policies are OR-ed, so a staff query carried "true OR auth.uid() = consumer_id OR ..."
-- as a security barrier: auth.uid() is not leakproof, so the planner could push no user condition
-- below it and used default selectivities instead of the statistics (status = 'completed' estimated
-- at 166,661 rows against 834,713 real). Disputed bookings' last page took 275 ms as demo_ops against
-- 1.1 ms as the superuser.
--
-- The seeds' policies are meant for the marketplace's end users, who are `anon` and `authenticated`
-- on Supabase (created NOLOGIN elsewhere by db/bootstrap/staff_plans.sql). Re-targeted to them,
-- each staff group is governed by its own tower_staff_read policy alone, USING (true), which the
-- planner folds away. Nobody can read more than before: staff already read every row through
-- tower_staff_read, and what columns they read is still decided by the column grants of V9; every
-- other role loses the seeds' policies, so it reads less.
DO $$
DECLARE
    p record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon')
       OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
        RAISE EXCEPTION 'The end-user roles anon and authenticated are missing: run Tower''s role bootstrap (db/bootstrap/staff_plans.sql) as a superuser first.';
    END IF;
    FOR p IN SELECT pol.schemaname, pol.tablename, pol.policyname
             FROM pg_policies pol
             WHERE pol.schemaname = 'public'
               AND pol.roles = ARRAY['public']::name[]
               AND pol.tablename IN ('profiles', 'providers', 'listings', 'bookings', 'reviews', 'messages',
                                     'user_profiles', 'user_settings', 'provider_schedules', 'customer_profiles',
                                     'customer_preferences', 'order_items', 'payments')
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I.%I TO anon, authenticated', p.policyname, p.schemaname, p.tablename);
    END LOOP;
END
$$;
