-- Cluster-level roles Tower needs. Run by a superuser (or a CREATEROLE admin on a hosted database)
-- before the first migration, and again harmlessly on every start: every statement is idempotent.
-- Roles are per cluster, not per database, so they cannot live in a Flyway migration.
--
-- tower_owner    NOLOGIN   owns every schema object; migrations run as it (SET ROLE tower_owner).
-- tower_admin    NOLOGIN   group of admin logins. Member of tower_owner WITHOUT inherit: an admin's
--                          everyday session cannot write tables; applying migrations needs an explicit
--                          SET ROLE tower_owner.
-- tower_ops      NOLOGIN   group of ops logins.
-- tower_analyst  NOLOGIN   group of analyst logins.
-- tower_security NOLOGIN   CREATEROLE; holds ADMIN OPTION on the three groups so that the staff
--                          functions it owns can create logins and change their group. It cannot be
--                          tower_owner: tower_admin is a member of tower_owner, and PostgreSQL forbids
--                          the membership cycle that ADMIN OPTION on tower_admin would create.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['tower_owner', 'tower_admin', 'tower_ops', 'tower_analyst', 'tower_security'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOBYPASSRLS', r);
        END IF;
    END LOOP;
    ALTER ROLE tower_security CREATEROLE;

    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                   WHERE m.roleid = 'tower_owner'::regrole AND m.member = 'tower_admin'::regrole) THEN
        GRANT tower_owner TO tower_admin WITH INHERIT FALSE, SET TRUE;
    END IF;
    FOREACH r IN ARRAY ARRAY['tower_admin', 'tower_ops', 'tower_analyst'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                       WHERE m.roleid = r::regrole AND m.member = 'tower_security'::regrole) THEN
            EXECUTE format('GRANT %I TO tower_security WITH ADMIN OPTION, INHERIT FALSE, SET FALSE', r);
        END IF;
    END LOOP;

    -- TEMPORARY: REFRESH MATERIALIZED VIEW CONCURRENTLY builds its diff in a temp table as the view's owner.
    EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO tower_owner', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO tower_admin, tower_ops, tower_analyst, tower_security',
                   current_database());
    EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

-- The seeds keep everything in public; the owner creates there, nobody else does.
GRANT USAGE, CREATE ON SCHEMA public TO tower_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
