-- Foundations every later migration relies on.
--
-- 1. Functions are executable by PUBLIC by default in PostgreSQL. Tower's write path is made of
--    SECURITY DEFINER functions, so the default is turned off for everything the owner creates:
--    EXECUTE is granted function by function to the roles that may call it.
ALTER DEFAULT PRIVILEGES FOR ROLE tower_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE tower_owner REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE tower_owner REVOKE ALL ON SEQUENCES FROM PUBLIC;

-- 2. The seeds were written for Supabase: profiles reference auth.users and the RLS policies call
--    auth.uid(). On a Supabase database both exist and are left alone; on plain PostgreSQL a minimal
--    stand-in is created so the seeds' policies install unchanged.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'auth') THEN
        CREATE SCHEMA auth;
    END IF;

    IF to_regclass('auth.users') IS NULL THEN
        CREATE TABLE auth.users (
            id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            email      text UNIQUE,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        COMMENT ON TABLE auth.users IS
            'Minimal stand-in for Supabase auth.users, created by Tower because this database has none.';
    END IF;

    IF to_regprocedure('auth.uid()') IS NULL THEN
        -- Same contract as Supabase: the end user's id from the request's JWT claims, or NULL.
        -- Staff access never depends on it: staff rights come from their PostgreSQL role.
        CREATE FUNCTION auth.uid() RETURNS uuid
            LANGUAGE sql STABLE
            SET search_path = pg_catalog, pg_temp
        AS $fn$
            SELECT nullif(coalesce(current_setting('request.jwt.claim.sub', true),
                                   current_setting('request.jwt.claims', true)::jsonb ->> 'sub'), '')::uuid
        $fn$;
        -- RLS policies are evaluated as the querying user, so everyone must be able to call it.
        GRANT EXECUTE ON FUNCTION auth.uid() TO PUBLIC;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA auth TO tower_admin, tower_ops, tower_analyst;
