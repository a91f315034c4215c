-- What staff need to get the plans the data allows (issue 8, item 7; see V40). Run as the superuser
-- with V0__roles.sql on every start; idempotent.
--
-- 1. The seeds' end-user roles, as Supabase has them: `anon` (not signed in) and `authenticated`
--    (signed in through auth). V40 re-targets the seeds' row-level-security policies to them, so
--    staff are governed by their own USING (true) policies alone. NOLOGIN and without any grant: on a
--    database that is not a Supabase one nobody is ever either of them.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', r);
        END IF;
    END LOOP;
END
$$;

-- 2. Whenever any policy applies to a table, even USING (true), PostgreSQL gives column statistics
--    only to leakproof operators, and enum equality is not marked leakproof: as a staff login
--    `status = 'disputed'` was estimated at the default 20 % of the table, not from its statistics,
--    and the disputes queue got another plan than the superuser's. enum_eq / enum_ne compare two
--    OIDs and cannot raise an error or reveal anything about their arguments, which is all LEAKPROOF
--    asserts. Only a superuser may say so; elsewhere (a hosted database) the step is skipped.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
        ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF;
    ELSE
        RAISE NOTICE 'Not a superuser: enum equality stays non-leakproof, staff plans on enum filters use default estimates.';
    END IF;
END
$$;
