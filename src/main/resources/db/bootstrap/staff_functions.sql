-- Staff-login management, owned by tower_security (CREATEROLE, ADMIN on the three staff groups). It
-- cannot be a Flyway migration: migrations run as tower_owner, and the owner may not become
-- tower_security without a membership cycle (tower_admin is a member of tower_owner). So the superuser
-- bootstrap runs this file after the migrations, on every start; it is idempotent.
--
-- Everything these functions read, write or call is owned by tower_security or is pg_catalog: the
-- registry table lives in schema tower_staff (moved out of public, where tower_owner -- which any
-- admin can become -- owned it and could plant triggers), with its own checks and fail helper; the
-- audit row goes to tower_audit.append. Only the entry points sit in schema ops, where Java calls them.
--
-- Passwords never reach the server in clear text: the app sends a SCRAM-SHA-256 verifier computed on
-- the client, which PostgreSQL stores as is. Neither Tower nor the server log ever sees the password.
SET search_path = pg_catalog;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'tower_staff' AND nspowner <> 'tower_security'::regrole) THEN
        RAISE EXCEPTION 'Schema tower_staff exists but is not owned by tower_security; refusing to install the staff functions.';
    END IF;
    CREATE SCHEMA IF NOT EXISTS tower_staff AUTHORIZATION tower_security;
    REVOKE ALL ON SCHEMA tower_staff FROM PUBLIC;
    GRANT USAGE ON SCHEMA tower_staff TO tower_admin, tower_ops, tower_analyst, tower_setup;
    IF to_regclass('tower_staff.staff_members') IS NULL THEN
        PERFORM pg_temp.tower_take_over('public.staff_members', 'tower_security', 'tower_staff', 'staff_members');
        ALTER TABLE tower_staff.staff_members
            ADD CONSTRAINT staff_members_login_check CHECK (login ~ '^[a-z_][a-z0-9_]{2,62}$'),
            ADD CONSTRAINT staff_members_display_name_check CHECK (btrim(display_name) <> ''),
            ADD CONSTRAINT staff_members_role_group_check CHECK (role_group IN ('tower_admin', 'tower_ops', 'tower_analyst')),
            ALTER COLUMN disabled SET DEFAULT false,
            ALTER COLUMN created_at SET DEFAULT now(),
            ALTER COLUMN created_by SET DEFAULT session_user,
            ALTER COLUMN updated_at SET DEFAULT now();
    END IF;
    -- the name existing readers use (Staff screen, sign-in, demo): a plain view, no functions in it
    IF to_regclass('public.staff_members') IS NULL THEN
        CREATE VIEW public.staff_members WITH (security_invoker = true) AS
            SELECT m.login, m.display_name, m.role_group, m.disabled, m.created_at, m.created_by, m.updated_at
            FROM tower_staff.staff_members m;
        ALTER VIEW public.staff_members OWNER TO tower_security;
        REVOKE ALL ON public.staff_members FROM PUBLIC;
        GRANT SELECT ON public.staff_members TO tower_admin, tower_ops, tower_analyst;
        GRANT SELECT ON tower_staff.staff_members TO tower_admin, tower_ops, tower_analyst;
        -- demo generation dates the demo logins back to before the history it writes
        GRANT SELECT, UPDATE (created_at) ON public.staff_members, tower_staff.staff_members TO tower_setup;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = 'public.staff_members'::regclass
                      AND relkind = 'v' AND relowner = 'tower_security'::regrole) THEN
        RAISE EXCEPTION 'public.staff_members is not the view Tower created; refusing to start.';
    END IF;
END
$$;

-- The owner's guarded functions name who changed a row (booking conflicts, saved views shared with a
-- role): reading the registry gives tower_owner nothing it could plant code in.
GRANT USAGE ON SCHEMA tower_staff TO tower_owner;
GRANT SELECT ON public.staff_members, tower_staff.staff_members TO tower_owner;

SET ROLE tower_security;

-- The row every last-admin check locks (FOR UPDATE): staff have no privilege on it, so they can
-- neither take nor hold this lock, and two admins disabling each other are checked one after the other.
CREATE TABLE IF NOT EXISTS tower_staff.admin_guard (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton)
);
INSERT INTO tower_staff.admin_guard VALUES (true) ON CONFLICT DO NOTHING;

-- Logins nobody may create: the one list. staff/StaffRules reads the same names from
-- dev/tower/staff/reserved_logins.txt and StaffRulesReservedNamesTest keeps the two equal.
CREATE TABLE IF NOT EXISTS tower_staff.reserved_logins (
    name      text PRIMARY KEY,
    is_prefix boolean NOT NULL DEFAULT false
);
INSERT INTO tower_staff.reserved_logins (name, is_prefix) VALUES
    ('pg_', true), ('tower_', true), ('all', false), ('public', false), ('current_user', false),
    ('current_role', false), ('session_user', false), ('user', false), ('none', false), ('postgres', false),
    ('anon', false), ('authenticated', false), ('service_role', false), ('authenticator', false),
    ('supabase_admin', false)
ON CONFLICT (name) DO NOTHING;
GRANT SELECT ON tower_staff.reserved_logins TO tower_admin, tower_ops, tower_analyst;

-- Raise a coded, plain-worded validation error (tower_security's own, not the owner's).
CREATE OR REPLACE FUNCTION tower_staff.fail(code text, message text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = code || ': ' || message;
END;
$$;

-- Input quoted back in an error: a short prefix only, so a pasted secret never lands whole in a log.
CREATE OR REPLACE FUNCTION tower_staff.shown(p_input text)
RETURNS text LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN length(p_input) > 20 THEN left(p_input, 20) || '...' ELSE coalesce(p_input, '') END
$$;

CREATE OR REPLACE FUNCTION tower_staff.create_staff_login(p_login text, p_display_name text, p_role_group text,
                                                  p_password_verifier text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM tower_staff.check_login_name(p_login);
    PERFORM tower_staff.check_group(p_role_group);
    PERFORM tower_staff.check_verifier(p_password_verifier);
    IF nullif(btrim(coalesce(p_display_name, '')), '') IS NULL OR length(p_display_name) > 100 THEN
        PERFORM tower_staff.fail('staff.bad_name', 'Give the staff member a name of 1 to 100 characters.');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        PERFORM tower_staff.fail('staff.login_taken', format('A database login called "%s" already exists.', tower_staff.shown(p_login)));
    END IF;

    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                   p_login, p_password_verifier);
    EXECUTE format('GRANT %I TO %I', p_role_group, p_login);
    -- limits per login too: the database-level defaults can be overridden by a login's own settings
    EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 10', p_login);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_login, '60s');
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', p_login, '10s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_login, '5min');
    INSERT INTO tower_staff.staff_members (login, display_name, role_group, created_by)
    VALUES (p_login, btrim(p_display_name), p_role_group, session_user);
    PERFORM tower_audit.append('create_staff_login', 'staff_members', p_login, 'INSERT', NULL,
        jsonb_build_object('login', p_login, 'display_name', btrim(p_display_name), 'role_group', p_role_group));
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.change_staff_role(p_login text, p_role_group text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    member tower_staff.staff_members%ROWTYPE;
    g text;
BEGIN
    PERFORM tower_staff.check_group(p_role_group);
    SELECT * INTO member FROM tower_staff.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_staff.fail('staff.unknown_login', format('There is no staff member with the login "%s".', tower_staff.shown(p_login)));
    END IF;
    IF member.role_group = p_role_group THEN
        RETURN;
    END IF;
    -- An admin who demotes themself loses the screen they would need to undo it.
    IF p_login = session_user THEN
        PERFORM tower_staff.fail('staff.cannot_change_own_role',
            'You cannot change your own role; ask another admin to do it.');
    END IF;
    IF member.role_group = 'tower_admin' THEN
        PERFORM tower_staff.keep_an_admin(p_login);
    END IF;
    FOREACH g IN ARRAY ARRAY['tower_admin', 'tower_ops', 'tower_analyst'] LOOP
        IF g <> p_role_group AND pg_has_role(p_login, g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', p_role_group, p_login);
    UPDATE tower_staff.staff_members SET role_group = p_role_group, updated_at = now() WHERE login = p_login;
    PERFORM tower_audit.append('change_staff_role', 'staff_members', p_login, 'UPDATE',
        jsonb_build_object('role_group', member.role_group), jsonb_build_object('role_group', p_role_group));
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.set_staff_disabled(p_login text, p_disabled boolean)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    member tower_staff.staff_members%ROWTYPE;
BEGIN
    IF p_disabled IS NULL THEN
        PERFORM tower_staff.fail('staff.bad_flag', 'Say whether the login should be disabled or enabled.');
    END IF;
    SELECT * INTO member FROM tower_staff.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_staff.fail('staff.unknown_login', format('There is no staff member with the login "%s".', tower_staff.shown(p_login)));
    END IF;
    IF p_disabled AND p_login = session_user THEN
        PERFORM tower_staff.fail('staff.cannot_disable_self', 'You cannot disable your own login.');
    END IF;
    IF member.disabled = p_disabled THEN
        RETURN;
    END IF;
    IF p_disabled AND member.role_group = 'tower_admin' THEN
        PERFORM tower_staff.keep_an_admin(p_login);
    END IF;
    -- NOLOGIN refuses new connections; sessions already open end when they disconnect.
    EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    UPDATE tower_staff.staff_members SET disabled = p_disabled, updated_at = now() WHERE login = p_login;
    PERFORM tower_audit.append(CASE WHEN p_disabled THEN 'disable_staff_login' ELSE 'enable_staff_login' END,
        'staff_members', p_login, 'UPDATE',
        jsonb_build_object('disabled', member.disabled), jsonb_build_object('disabled', p_disabled));
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.reset_staff_password(p_login text, p_password_verifier text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM tower_staff.check_verifier(p_password_verifier);
    PERFORM 1 FROM tower_staff.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_staff.fail('staff.unknown_login', format('There is no staff member with the login "%s".', tower_staff.shown(p_login)));
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
    -- the audit row says that it happened, never what the password is
    PERFORM tower_audit.append('reset_staff_password', 'staff_members', p_login, 'UPDATE', NULL,
        jsonb_build_object('password', 'changed'));
END;
$$;

-- A staff member's own password, with the same rules as a reset: any login on staff may call it,
-- and it only ever changes session_user.
CREATE OR REPLACE FUNCTION tower_staff.change_own_password(p_password_verifier text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM tower_staff.check_verifier(p_password_verifier);
    PERFORM 1 FROM tower_staff.staff_members WHERE login = session_user FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_staff.fail('staff.unknown_login', 'Your login is not a Tower staff login; ask an admin.');
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', session_user, p_password_verifier);
    UPDATE tower_staff.staff_members SET updated_at = now() WHERE login = session_user;
    PERFORM tower_audit.append('change_own_password', 'staff_members', session_user, 'UPDATE', NULL,
        jsonb_build_object('password', 'changed'));
END;
$$;

-- Checks shared by the functions above (not callable by staff: no EXECUTE grant).
CREATE OR REPLACE FUNCTION tower_staff.check_login_name(p_login text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{2,62}$' THEN
        PERFORM tower_staff.fail('staff.bad_login',
            'A login is 3 to 63 characters: lower-case letters, digits and underscores, not starting with a digit.');
    END IF;
    IF EXISTS (SELECT 1 FROM tower_staff.reserved_logins r
               WHERE p_login = r.name OR (r.is_prefix AND starts_with(p_login, r.name))) THEN
        PERFORM tower_staff.fail('staff.reserved_login',
            format('"%s" is reserved; choose another login.', tower_staff.shown(p_login)));
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.check_group(p_role_group text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_role_group IS NULL OR p_role_group NOT IN ('tower_admin', 'tower_ops', 'tower_analyst') THEN
        PERFORM tower_staff.fail('staff.bad_role', 'The role must be admin, ops or analyst.');
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.check_verifier(p_verifier text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_verifier IS NULL
       OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        PERFORM tower_staff.fail('staff.bad_password',
            'The password was not sent in the protected form Tower uses; nothing was changed.');
    END IF;
    -- fewer iterations make a stolen verifier cheap to crack
    IF substring(p_verifier FROM '^SCRAM-SHA-256\$([0-9]{1,9}):')::integer < 4096 THEN
        PERFORM tower_staff.fail('staff.weak_verifier',
            'The protected password uses too few iterations (at least 4096); nothing was changed.');
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION tower_staff.keep_an_admin(p_login text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- one check at a time, held to commit: the second admin sees the first one's change
    PERFORM 1 FROM tower_staff.admin_guard WHERE singleton FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM tower_staff.staff_members
                   WHERE role_group = 'tower_admin' AND NOT disabled AND login <> p_login) THEN
        PERFORM tower_staff.fail('staff.last_admin',
            format('"%s" is the last active admin; make someone else admin first.', tower_staff.shown(p_login)));
    END IF;
END;
$$;

-- The entry points staff call. Only thin wrappers live in ops (a schema tower_owner owns, so it could
-- swap them -- gaining nothing, a swapped one runs as the owner); setup code calls tower_staff.* itself.
CREATE OR REPLACE FUNCTION ops.create_staff_login(p_login text, p_display_name text, p_role_group text, p_password_verifier text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT tower_staff.create_staff_login(p_login, p_display_name, p_role_group, p_password_verifier) $$;
CREATE OR REPLACE FUNCTION ops.change_staff_role(p_login text, p_role_group text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT tower_staff.change_staff_role(p_login, p_role_group) $$;
CREATE OR REPLACE FUNCTION ops.set_staff_disabled(p_login text, p_disabled boolean)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT tower_staff.set_staff_disabled(p_login, p_disabled) $$;
CREATE OR REPLACE FUNCTION ops.reset_staff_password(p_login text, p_password_verifier text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT tower_staff.reset_staff_password(p_login, p_password_verifier) $$;
CREATE OR REPLACE FUNCTION ops.change_own_password(p_password_verifier text)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT tower_staff.change_own_password(p_password_verifier) $$;

REVOKE EXECUTE ON FUNCTION ops.create_staff_login(text, text, text, text), ops.change_staff_role(text, text),
    ops.set_staff_disabled(text, boolean), ops.reset_staff_password(text, text), ops.change_own_password(text),
    tower_staff.check_login_name(text), tower_staff.check_group(text), tower_staff.check_verifier(text),
    tower_staff.keep_an_admin(text), tower_staff.fail(text, text), tower_staff.shown(text),
    tower_staff.create_staff_login(text, text, text, text), tower_staff.change_staff_role(text, text),
    tower_staff.set_staff_disabled(text, boolean), tower_staff.reset_staff_password(text, text),
    tower_staff.change_own_password(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.create_staff_login(text, text, text, text), ops.change_staff_role(text, text),
    ops.set_staff_disabled(text, boolean), ops.reset_staff_password(text, text) TO tower_admin;
GRANT EXECUTE ON FUNCTION ops.change_own_password(text) TO tower_admin, tower_ops, tower_analyst;
COMMENT ON FUNCTION ops.create_staff_login(text, text, text, text) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.change_staff_role(text, text) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.set_staff_disabled(text, boolean) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.reset_staff_password(text, text) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.change_own_password(text) IS 'permission: CHANGE_OWN_PASSWORD';

-- The old helpers lived in ops, a schema tower_owner owns and could swap them in.
DROP FUNCTION IF EXISTS ops.staff_check_login_name(text), ops.staff_check_group(text),
    ops.staff_check_verifier(text), ops.staff_keep_an_admin(text);

RESET ROLE;
RESET search_path;
