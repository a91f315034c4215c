-- Staff-login management functions, owned by tower_security (CREATEROLE, ADMIN on the three staff
-- groups). They cannot be created by a Flyway migration: migrations run as tower_owner, and the owner
-- may not become tower_security without a membership cycle (tower_admin is a member of tower_owner).
-- So a superuser (or the hosted database's admin) runs this file after the migrations, on every
-- start; CREATE OR REPLACE keeps it idempotent.
--
-- Passwords never reach the server in clear text: the app sends a SCRAM-SHA-256 verifier computed on
-- the client, which PostgreSQL stores as is. Neither Tower nor the server log ever sees the password.

SET ROLE tower_security;

CREATE OR REPLACE FUNCTION ops.create_staff_login(p_login text, p_display_name text, p_role_group text,
                                                  p_password_verifier text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM ops.staff_check_login_name(p_login);
    PERFORM ops.staff_check_group(p_role_group);
    PERFORM ops.staff_check_verifier(p_password_verifier);
    IF nullif(btrim(coalesce(p_display_name, '')), '') IS NULL OR length(p_display_name) > 100 THEN
        PERFORM tower_internal.fail('staff.bad_name', 'Give the staff member a name of 1 to 100 characters.');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        PERFORM tower_internal.fail('staff.login_taken', format('A database login called "%s" already exists.', p_login));
    END IF;

    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                   p_login, p_password_verifier);
    EXECUTE format('GRANT %I TO %I', p_role_group, p_login);
    INSERT INTO public.staff_members (login, display_name, role_group, created_by)
    VALUES (p_login, btrim(p_display_name), p_role_group, session_user);
    PERFORM tower_internal.audit('create_staff_login', 'staff_members', p_login, 'INSERT', NULL,
        jsonb_build_object('login', p_login, 'display_name', btrim(p_display_name), 'role_group', p_role_group));
END;
$$;

CREATE OR REPLACE FUNCTION ops.change_staff_role(p_login text, p_role_group text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    member public.staff_members%ROWTYPE;
    g text;
BEGIN
    PERFORM ops.staff_check_group(p_role_group);
    SELECT * INTO member FROM public.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('staff.unknown_login', format('There is no staff member with the login "%s".', p_login));
    END IF;
    IF member.role_group = p_role_group THEN
        RETURN;
    END IF;
    -- An admin who demotes themself loses the screen they would need to undo it.
    IF p_login = session_user THEN
        PERFORM tower_internal.fail('staff.cannot_change_own_role',
            'You cannot change your own role; ask another admin to do it.');
    END IF;
    IF member.role_group = 'tower_admin' THEN
        PERFORM ops.staff_keep_an_admin(p_login);
    END IF;
    FOREACH g IN ARRAY ARRAY['tower_admin', 'tower_ops', 'tower_analyst'] LOOP
        IF g <> p_role_group AND pg_has_role(p_login, g, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', g, p_login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', p_role_group, p_login);
    UPDATE public.staff_members SET role_group = p_role_group WHERE login = p_login;
    PERFORM tower_internal.audit('change_staff_role', 'staff_members', p_login, 'UPDATE',
        jsonb_build_object('role_group', member.role_group), jsonb_build_object('role_group', p_role_group));
END;
$$;

CREATE OR REPLACE FUNCTION ops.set_staff_disabled(p_login text, p_disabled boolean)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    member public.staff_members%ROWTYPE;
BEGIN
    IF p_disabled IS NULL THEN
        PERFORM tower_internal.fail('staff.bad_flag', 'Say whether the login should be disabled or enabled.');
    END IF;
    SELECT * INTO member FROM public.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('staff.unknown_login', format('There is no staff member with the login "%s".', p_login));
    END IF;
    IF p_disabled AND p_login = session_user THEN
        PERFORM tower_internal.fail('staff.cannot_disable_self', 'You cannot disable your own login.');
    END IF;
    IF member.disabled = p_disabled THEN
        RETURN;
    END IF;
    IF p_disabled AND member.role_group = 'tower_admin' THEN
        PERFORM ops.staff_keep_an_admin(p_login);
    END IF;
    -- NOLOGIN refuses new connections; sessions already open end when they disconnect.
    EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
    UPDATE public.staff_members SET disabled = p_disabled WHERE login = p_login;
    PERFORM tower_internal.audit(CASE WHEN p_disabled THEN 'disable_staff_login' ELSE 'enable_staff_login' END,
        'staff_members', p_login, 'UPDATE',
        jsonb_build_object('disabled', member.disabled), jsonb_build_object('disabled', p_disabled));
END;
$$;

CREATE OR REPLACE FUNCTION ops.reset_staff_password(p_login text, p_password_verifier text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM ops.staff_check_verifier(p_password_verifier);
    PERFORM 1 FROM public.staff_members WHERE login = p_login FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('staff.unknown_login', format('There is no staff member with the login "%s".', p_login));
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
    -- the audit row says that it happened, never what the password is
    PERFORM tower_internal.audit('reset_staff_password', 'staff_members', p_login, 'UPDATE', NULL,
        jsonb_build_object('password', 'changed'));
END;
$$;

-- Checks shared by the functions above (not callable by staff: no EXECUTE grant).
CREATE OR REPLACE FUNCTION ops.staff_check_login_name(p_login text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{2,62}$' THEN
        PERFORM tower_internal.fail('staff.bad_login',
            'A login is 3 to 63 characters: lower-case letters, digits and underscores, not starting with a digit.');
    END IF;
    IF p_login ~ '^(pg_|tower_)' OR p_login IN ('postgres', 'public', 'authenticated', 'anon', 'service_role',
                                                 'authenticator', 'supabase_admin') THEN
        PERFORM tower_internal.fail('staff.reserved_login', format('"%s" is reserved; choose another login.', p_login));
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION ops.staff_check_group(p_role_group text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_role_group IS NULL OR p_role_group NOT IN ('tower_admin', 'tower_ops', 'tower_analyst') THEN
        PERFORM tower_internal.fail('staff.bad_role', 'The role must be admin, ops or analyst.');
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION ops.staff_check_verifier(p_verifier text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_verifier IS NULL
       OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        PERFORM tower_internal.fail('staff.bad_password',
            'The password was not sent in the protected form Tower uses; nothing was changed.');
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION ops.staff_keep_an_admin(p_login text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.staff_members
                   WHERE role_group = 'tower_admin' AND NOT disabled AND login <> p_login) THEN
        PERFORM tower_internal.fail('staff.last_admin',
            format('"%s" is the last active admin; make someone else admin first.', p_login));
    END IF;
END;
$$;

REVOKE EXECUTE ON FUNCTION ops.create_staff_login(text, text, text, text), ops.change_staff_role(text, text),
    ops.set_staff_disabled(text, boolean), ops.reset_staff_password(text, text),
    ops.staff_check_login_name(text), ops.staff_check_group(text), ops.staff_check_verifier(text),
    ops.staff_keep_an_admin(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.create_staff_login(text, text, text, text), ops.change_staff_role(text, text),
    ops.set_staff_disabled(text, boolean), ops.reset_staff_password(text, text) TO tower_admin;

-- The Permission each guarded function implements (SecurityConventionsTest checks grants against it).
COMMENT ON FUNCTION ops.create_staff_login(text, text, text, text) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.change_staff_role(text, text) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.set_staff_disabled(text, boolean) IS 'permission: MANAGE_STAFF';
COMMENT ON FUNCTION ops.reset_staff_password(text, text) IS 'permission: MANAGE_STAFF';

RESET ROLE;
