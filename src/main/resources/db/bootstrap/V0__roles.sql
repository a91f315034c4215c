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
-- tower_setup    NOLOGIN   except while setup code (db/SetupLogin: demo generation) uses it with a
--                          one-off random password. Member of tower_owner (INHERIT), never a superuser,
--                          so code planted on an owner table gains nothing when setup writes there.
-- tower_payment_service NOLOGIN  the platform's payment service: works the refund outbox through the
--                          payment_service functions (V70). No staff role is a member; on the embedded
--                          demo database the settlement simulator takes it from tower_setup.
-- tower_audit    NOLOGIN   owns the audit log (schema tower_audit, see audit_log.sql). No staff role
--                          is a member of it, so nobody on staff can edit, re-chain or lock the log.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['tower_owner', 'tower_admin', 'tower_ops', 'tower_analyst', 'tower_security', 'tower_audit', 'tower_payment_service'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOBYPASSRLS', r);
        END IF;
    END LOOP;
    ALTER ROLE tower_security CREATEROLE;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tower_setup') THEN
        CREATE ROLE tower_setup NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                   WHERE m.roleid = 'tower_owner'::regrole AND m.member = 'tower_setup'::regrole) THEN
        GRANT tower_owner TO tower_setup WITH INHERIT TRUE, SET TRUE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m
                   WHERE m.roleid = 'tower_payment_service'::regrole AND m.member = 'tower_setup'::regrole) THEN
        GRANT tower_payment_service TO tower_setup WITH INHERIT FALSE, SET TRUE;
    END IF;

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

-- Limits for every staff session. Role-level settings on the group roles are not inherited by their
-- logins, so they are set for the whole database (and again per login by ops.create_staff_login);
-- the login running this bootstrap keeps no limit, because migrations and demo generation run long.
-- temp_file_limit can only be set by a superuser, hence here.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '60s');
    EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '10s');
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '5min');
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET statement_timeout = 0', current_user, current_database());
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET lock_timeout = 0', current_user, current_database());
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET idle_in_transaction_session_timeout = 0', current_user, current_database());
    -- setup work (demo generation) runs long statements and big sorts
    EXECUTE format('ALTER ROLE tower_setup IN DATABASE %I SET statement_timeout = 0', current_database());
    EXECUTE format('ALTER ROLE tower_setup IN DATABASE %I SET lock_timeout = 0', current_database());
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('ALTER ROLE tower_setup IN DATABASE %I SET temp_file_limit = -1', current_database());
        -- bulk demo loads skip the owner's ordinary triggers, as they did as the superuser
        GRANT SET ON PARAMETER session_replication_role TO tower_setup;
        EXECUTE format('ALTER DATABASE %I SET temp_file_limit = %L', current_database(), '1GB');
        EXECUTE format('ALTER ROLE %I IN DATABASE %I SET temp_file_limit = -1', current_user, current_database());
    END IF;
END
$$;

-- Large objects: pg_catalog's lo_* functions are executable by PUBLIC, so even a read-only login
-- could store data in pg_largeobject (lo_create, lo_from_bytea, lo_import...). Nobody on staff needs them.
-- Only a superuser may revoke on pg_catalog's functions; a hosted CREATEROLE administrator is told so.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
            pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_put(oid, bigint, bytea),
            pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid), pg_catalog.lo_unlink(oid),
            pg_catalog.lowrite(integer, bytea), pg_catalog.lo_open(oid, integer), pg_catalog.lo_truncate(integer, integer),
            pg_catalog.lo_truncate64(integer, bigint) FROM PUBLIC;
    ELSE
        RAISE NOTICE 'Not a superuser: large-object functions stay executable by PUBLIC; revoke them as the superuser.';
    END IF;
END
$$;

-- tower_demo: where demo generation (demo/DeferredIndexes) records the index builds it leaves until after
-- its load commits, so a crash before they are built cannot lose their definitions. Owned by tower_setup,
-- whom no staff role can become, and by no one else: tower_setup runs the statements recorded there.
-- A schema of that name owned by anybody else is refused, not taken over (its objects could be theirs).
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'tower_demo') THEN
            CREATE SCHEMA tower_demo AUTHORIZATION tower_setup;
        ELSIF (SELECT nspowner <> 'tower_setup'::regrole FROM pg_namespace WHERE nspname = 'tower_demo') THEN
            RAISE EXCEPTION 'Schema tower_demo belongs to %, not tower_setup; drop it or rename it and start again.',
                (SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'tower_demo');
        END IF;
        IF to_regclass('tower_demo.deferred_index') IS NULL THEN
            SET LOCAL ROLE tower_setup;
            CREATE TABLE tower_demo.deferred_index (
                index_name  text PRIMARY KEY,   -- schema-qualified, as to_regclass reads it
                table_name  text NOT NULL,      -- likewise
                create_sql  text NOT NULL,      -- pg_get_indexdef before the drop
                comment_sql text,               -- COMMENT ON INDEX ..., when it had one
                deferred_at timestamptz NOT NULL DEFAULT now()
            );
            RESET ROLE;
        END IF;
    END IF;
END
$$;
