-- Issue 14: the database health screen's privileged parts, installed by the superuser bootstrap after
-- the migrations (like staff_functions.sql: a migration runs as tower_owner, which cannot grant the
-- predefined roles these need). Idempotent; runs on every embedded start and on `tower db setup`.
--
-- tower_monitor (NOLOGIN, no staff role is a member) owns four guarded functions in schema ops. It holds
-- pg_read_all_stats (other sessions' queries, pg_stat_statements of everyone), pg_signal_backend (cancel a
-- statement; PostgreSQL itself never lets it signal a superuser's backend) and pg_maintain (ANALYZE).
-- Everything they read or call is pg_catalog, the extension's view in a schema only a superuser or
-- tower_monitor owns, or tower_audit.append (owned by tower_audit): never an object tower_owner -- which
-- any admin can become -- owns or could replace. That is why they raise their own errors instead of
-- calling tower_internal.fail, and name tables by OID after checking them in the catalog.
SET search_path = pg_catalog;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tower_monitor') THEN
        CREATE ROLE tower_monitor NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT;
    END IF;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        GRANT pg_read_all_stats, pg_signal_backend, pg_maintain TO tower_monitor;
    ELSE
        RAISE NOTICE 'Not a superuser: grant pg_read_all_stats, pg_signal_backend and pg_maintain to tower_monitor as one.';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'tower_monitor' AND nspowner <> 'tower_monitor'::regrole) THEN
        RAISE EXCEPTION 'Schema tower_monitor exists but is not owned by tower_monitor; refusing to install the health functions.';
    END IF;
    CREATE SCHEMA IF NOT EXISTS tower_monitor AUTHORIZATION tower_monitor;
    REVOKE ALL ON SCHEMA tower_monitor FROM PUBLIC;
    -- the slowest-statements view; on a server without the library preloaded it exists but cannot be read,
    -- and the screen says how to enable it. Where another schema already has it (Supabase: extensions), that one is used.
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements') THEN
        CREATE EXTENSION pg_stat_statements SCHEMA tower_monitor;
    END IF;
END
$$;

GRANT USAGE, CREATE ON SCHEMA ops TO tower_monitor;
GRANT USAGE ON SCHEMA tower_audit TO tower_monitor;
GRANT EXECUTE ON FUNCTION tower_audit.append(text, text, text, text, jsonb, jsonb) TO tower_monitor;

SET ROLE tower_monitor;

-- Slowest statements of this database by mean time. NULL rows (none) with a reason are not returned:
-- the caller gets SQLSTATE 55000 ("must be loaded via shared_preload_libraries") or 42P01 and explains it.
CREATE OR REPLACE FUNCTION ops.health_slowest_statements(p_limit integer)
RETURNS TABLE (query text, calls bigint, total_ms double precision, mean_ms double precision, rows bigint)
LANGUAGE plpgsql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ext_schema name;
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 500 THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.bad_limit: Ask for 1 to 500 statements.';
    END IF;
    -- only a view in a schema a superuser or tower_monitor owns: staff cannot put their own there
    SELECT n.nspname INTO ext_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace JOIN pg_roles o ON o.oid = n.nspowner
    WHERE e.extname = 'pg_stat_statements' AND (o.rolsuper OR o.rolname = 'tower_monitor');
    IF ext_schema IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42P01', MESSAGE = 'pg_stat_statements is not installed in a schema Tower trusts';
    END IF;
    RETURN QUERY EXECUTE format(
        'SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows FROM %I.pg_stat_statements s'
        ' WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())'
        ' ORDER BY s.mean_exec_time DESC LIMIT $1', ext_schema) USING p_limit;
END;
$$;

-- Client sessions on this database: who, what, since when, waiting on what, and who blocks them.
CREATE OR REPLACE FUNCTION ops.health_sessions()
RETURNS TABLE (pid integer, login text, application text, state text, xact_start timestamptz,
               query_start timestamptz, wait_event_type text, wait_event text, blocked_by integer[], query text)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT a.pid, a.usename::text, a.application_name, a.state, a.xact_start, a.query_start,
           a.wait_event_type, a.wait_event, pg_blocking_pids(a.pid), left(a.query, 2000)
    FROM pg_stat_activity a
    WHERE a.datname = current_database() AND a.backend_type = 'client backend'
    ORDER BY a.query_start NULLS LAST
$$;

-- ANALYZE one table of the marketplace (schema public, owned by tower_owner). PostgreSQL runs the
-- ANALYZE itself as the table's owner, so code planted on it gains nothing from tower_monitor.
CREATE OR REPLACE FUNCTION ops.analyze_table(p_table text)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rel oid;
BEGIN
    SELECT c.oid INTO rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname = p_table AND c.relkind IN ('r', 'm', 'p')
      AND c.relowner = 'tower_owner'::regrole;
    IF rel IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.no_such_table: There is no marketplace table called "'
            || coalesce(left(p_table, 80), '') || '".';
    END IF;
    EXECUTE format('ANALYZE %s', rel::regclass);
    RETURN tower_audit.append('analyze_table', p_table, rel::regclass::text, 'UPDATE', NULL,
        jsonb_build_object('table', rel::regclass::text));
END;
$$;

-- Cancels the running statement of another staff member's session on this database. Never a superuser's,
-- never a login outside the three staff groups (tower_setup's demo loads and setup, other applications),
-- never the caller's own session, and only while a statement is running.
CREATE OR REPLACE FUNCTION ops.cancel_statement(p_pid integer)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    target record;
BEGIN
    SELECT a.pid, a.usename::text AS login, a.state, left(a.query, 500) AS query, r.rolsuper,
           pg_has_role(r.oid, 'tower_admin', 'MEMBER') OR pg_has_role(r.oid, 'tower_ops', 'MEMBER')
               OR pg_has_role(r.oid, 'tower_analyst', 'MEMBER') AS staff
    INTO target
    FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
    WHERE a.pid = p_pid AND a.datname = current_database() AND a.backend_type = 'client backend';
    IF target.pid IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.no_such_session: No session with process id '
            || coalesce(p_pid::text, 'NULL') || ' is connected to this database.';
    END IF;
    IF target.pid = pg_backend_pid() THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.own_session: That is your own session.';
    END IF;
    IF target.rolsuper OR NOT target.staff THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.not_staff: Session ' || p_pid
            || ' belongs to ' || target.login || ', not to a staff login; Tower does not cancel it.';
    END IF;
    IF target.state IS DISTINCT FROM 'active' THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.not_running: Session ' || p_pid
            || ' is not running a statement (it is ' || coalesce(target.state, 'unknown') || ').';
    END IF;
    IF NOT pg_cancel_backend(p_pid) THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'health.not_cancelled: The server did not cancel session ' || p_pid || '.';
    END IF;
    RETURN tower_audit.append('cancel_statement', 'pg_stat_activity', p_pid::text, 'UPDATE', NULL,
        jsonb_build_object('login', target.login, 'query', target.query));
END;
$$;

RESET ROLE;

DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['ops.health_slowest_statements(integer)', 'ops.health_sessions()',
                             'ops.analyze_table(text)', 'ops.cancel_statement(integer)'] LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO tower_monitor', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tower_admin', f);
        EXECUTE format('COMMENT ON FUNCTION %s IS %L', f, 'permission: VIEW_DATABASE_HEALTH');
    END LOOP;
END
$$;
RESET search_path;
