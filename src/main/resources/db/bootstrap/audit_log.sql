-- The audit log's own wall. Run by the superuser bootstrap after the migrations, on every start
-- (idempotent). The log lives in schema tower_audit, owned by the NOLOGIN role tower_audit that no
-- staff role is a member of, so not even an admin who assumes tower_owner can disable a trigger, edit a
-- row or re-chain the log. Appends go through tower_audit.append (SECURITY DEFINER), which locks the
-- one-row head (SELECT ... FOR UPDATE: staff have no privilege on it, so cannot take or hold that lock,
-- unlike an advisory lock) and finds the previous hash there in one lookup whatever the statistics.
--
-- Nothing here runs code tower_owner could have planted: search_path is pg_catalog only, every name is
-- qualified, and the first move of public.audit_logs (an owner table until then) goes through
-- pg_temp.tower_take_over (take_over.sql), which strips it of all code before anything but DDL touches it.
SET search_path = pg_catalog;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'tower_audit' AND nspowner <> 'tower_audit'::regrole) THEN
        RAISE EXCEPTION 'Schema tower_audit exists but is not owned by tower_audit; refusing to install the audit log.';
    END IF;
    CREATE SCHEMA IF NOT EXISTS tower_audit AUTHORIZATION tower_audit;
    REVOKE ALL ON SCHEMA tower_audit FROM PUBLIC;
    -- names are visible (to call the functions below); no table privilege is ever granted
    GRANT USAGE ON SCHEMA tower_audit TO tower_owner, tower_security, tower_admin, tower_ops, tower_analyst;

    IF to_regclass('tower_audit.log') IS NOT NULL THEN
        RETURN;   -- moved on an earlier start
    END IF;
    PERFORM pg_temp.tower_take_over('public.audit_logs', 'tower_audit', 'tower_audit', 'log');
    ALTER TABLE tower_audit.log
        ADD CONSTRAINT log_action_check CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
        ALTER COLUMN row_hash SET NOT NULL,
        ALTER COLUMN actor_login SET NOT NULL,
        ALTER COLUMN created_at SET NOT NULL;

    -- The owner's old chain machinery reads the moved table; it goes, the view below replaces the name.
    DROP FUNCTION IF EXISTS tower_internal.audit_chain_append();
    DROP FUNCTION IF EXISTS tower_internal.audit_append_only();
    DROP FUNCTION IF EXISTS tower_internal.audit_row_hash(tower_audit.log);
END
$$;

SET ROLE tower_audit;

CREATE TABLE IF NOT EXISTS tower_audit.head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    seq       bigint NOT NULL,
    row_hash  text
);

-- Canonical encoding of every column: a JSON array in a fixed order (jsonb text output is
-- deterministic), so NULL and '' differ and no separator can be smuggled into a value.
CREATE OR REPLACE FUNCTION tower_audit.row_hash(p_id uuid, p_seq bigint, p_table_name text, p_record_id text,
        p_action text, p_old jsonb, p_new jsonb, p_user_id uuid, p_ip inet, p_user_agent text,
        p_action_name text, p_actor text, p_created_at timestamptz, p_prev_hash text)
RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog
AS $$
    SELECT encode(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        'tower-audit-v2', p_id, p_seq, p_table_name, p_record_id, p_action, p_old, p_new, p_user_id,
        p_ip::text, p_user_agent, p_action_name, p_actor,
        pg_catalog.to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), p_prev_hash)::text,
        'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION tower_audit.append(p_action_name text, p_table text, p_record_id text, p_action text,
                                              p_old jsonb, p_new jsonb)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    h record;
    new_id uuid := pg_catalog.gen_random_uuid();
    at timestamptz := pg_catalog.now();
    new_hash text;
BEGIN
    SELECT seq, row_hash INTO h FROM tower_audit.head WHERE singleton FOR UPDATE;
    new_hash := tower_audit.row_hash(new_id, h.seq + 1, p_table, p_record_id, p_action, p_old, p_new, NULL, NULL, NULL,
                                     p_action_name, session_user::text, at, h.row_hash);
    INSERT INTO tower_audit.log (id, seq, table_name, record_id, action, old_values, new_values, action_name,
                                 actor_login, created_at, prev_hash, row_hash)
    VALUES (new_id, h.seq + 1, p_table, p_record_id, p_action, p_old, p_new, p_action_name,
            session_user, at, h.row_hash, new_hash);
    UPDATE tower_audit.head SET seq = h.seq + 1, row_hash = new_hash WHERE singleton;
    RETURN h.seq + 1;
END;
$$;

-- Walks the chain forward from (p_after_seq, p_after_hash) -- (0, NULL) is the start -- and, when a
-- checkpoint is given, proves the row at its position still hashes to what the checkpoint recorded.
-- Reports the first problem (NULL when intact).
CREATE OR REPLACE FUNCTION tower_audit.verify(p_after_seq bigint DEFAULT 0, p_after_hash text DEFAULT NULL,
                                              p_checkpoint_seq bigint DEFAULT NULL, p_checkpoint_hash text DEFAULT NULL)
RETURNS TABLE (rows_checked bigint, first_broken_seq bigint, problem text)
LANGUAGE plpgsql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    r record;
    prev_seq bigint := coalesce(p_after_seq, 0);
    prev_hash text := p_after_hash;
    computed text;
    -- a checkpoint of the empty log (#0), or one at or before where this walk starts, is already behind us
    checkpoint_seen boolean := p_checkpoint_seq IS NULL OR p_checkpoint_seq <= coalesce(p_after_seq, 0);
BEGIN
    rows_checked := 0;
    IF prev_seq > 0 AND NOT EXISTS (SELECT 1 FROM tower_audit.log l WHERE l.seq = prev_seq AND l.row_hash = p_after_hash) THEN
        first_broken_seq := prev_seq;
        problem := format('Audit entry #%s no longer matches the checkpoint it was verified from.', prev_seq);
        RETURN NEXT;
        RETURN;
    END IF;
    FOR r IN SELECT * FROM tower_audit.log l WHERE l.seq > prev_seq ORDER BY l.seq LOOP
        rows_checked := rows_checked + 1;
        computed := tower_audit.row_hash(r.id, r.seq, r.table_name, r.record_id, r.action, r.old_values, r.new_values,
                                         r.user_id, r.ip_address, r.user_agent, r.action_name, r.actor_login,
                                         r.created_at, r.prev_hash);
        IF r.seq <> prev_seq + 1 THEN
            first_broken_seq := r.seq;
            problem := format('Audit entries #%s to #%s are missing.', prev_seq + 1, r.seq - 1);
        ELSIF r.row_hash IS DISTINCT FROM computed THEN
            first_broken_seq := r.seq;
            problem := format('Audit entry #%s was changed after it was written.', r.seq);
        ELSIF r.prev_hash IS DISTINCT FROM prev_hash THEN
            first_broken_seq := r.seq;
            problem := format('Audit entry #%s does not follow the entry before it.', r.seq);
        ELSIF r.seq = p_checkpoint_seq THEN
            checkpoint_seen := true;
            IF r.row_hash IS DISTINCT FROM p_checkpoint_hash THEN
                first_broken_seq := r.seq;
                problem := format('The audit log up to entry #%s was rewritten since the checkpoint was taken.', r.seq);
            END IF;
        END IF;
        IF problem IS NOT NULL THEN
            RETURN NEXT;
            RETURN;
        END IF;
        prev_seq := r.seq;
        prev_hash := r.row_hash;
    END LOOP;
    IF NOT checkpoint_seen THEN
        first_broken_seq := prev_seq + 1;
        problem := format('The audit log ends at entry #%s, before the checkpoint at #%s: entries were removed.',
                          prev_seq, p_checkpoint_seq);
    END IF;
    RETURN NEXT;
END;
$$;

-- Position, head hash and time: what an admin exports and keeps outside the database.
CREATE OR REPLACE FUNCTION tower_audit.checkpoint()
RETURNS TABLE (seq bigint, head_hash text, taken_at timestamptz)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT h.seq, h.row_hash, pg_catalog.now() FROM tower_audit.head h WHERE h.singleton
$$;

-- Which transaction may reset the log and load demo history. Logging in as tower_setup proves nothing:
-- migrations log in as it too, and code an admin planted on an owner table runs in their session. So
-- the superuser names the demo generator's own transaction (its xid8, never reused) right before it
-- loads; nothing else, planted code in a migration included, may call the two functions below.
CREATE TABLE IF NOT EXISTS tower_audit.demo_load (
    xact   xid8 PRIMARY KEY,
    opened timestamptz NOT NULL DEFAULT pg_catalog.now()
);

CREATE OR REPLACE FUNCTION tower_audit.allow_demo_load(p_xact xid8)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM tower_audit.demo_load WHERE opened < pg_catalog.now() - interval '1 day';
    INSERT INTO tower_audit.demo_load (xact) VALUES (p_xact) ON CONFLICT DO NOTHING;
$$;

CREATE OR REPLACE FUNCTION tower_audit.require_demo_load()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM tower_audit.demo_load WHERE xact = pg_catalog.pg_current_xact_id_if_assigned()) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'audit.not_demo_load: Only the demo generator may reset the audit log or load its history.';
    END IF;
END;
$$;

-- Demo history: a batch of rows given as values (never a table to read), chained set-wise in one pass
-- after the head. Only while the log is empty, and only for demo generation (EXECUTE for tower_setup,
-- which no staff role can become), so it cannot forge or rewrite anything already logged.
-- One link of the chain as an aggregate step, so a whole history is chained by one window aggregate
-- (a running sha256 in seq order) instead of a row-by-row loop: 450k demo rows in one INSERT ... SELECT.
-- It spells out tower_audit.row_hash's encoding (the demo invariants run verify(), which rechecks
-- every imported row with row_hash) because each call of a function carrying SET search_path pushes and
-- pops the setting: calling row_hash from here made the step a third slower. Without SET it runs under
-- import_history's path (pg_catalog, pg_temp) and names only pg_catalog objects, qualified.
CREATE OR REPLACE FUNCTION tower_audit.chain_step(p_prev text, p_id uuid, p_seq bigint, p_table_name text,
        p_record_id text, p_action text, p_old jsonb, p_new jsonb, p_action_name text, p_actor text,
        p_created_at timestamptz)
RETURNS text
-- plpgsql, not sql: an aggregate's SQL transition function is run through the SQL-function executor on
-- every row (it cannot be inlined), which made the demo's 450k-row chain about four times slower
LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
    RETURN pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
        'tower-audit-v2', p_id, p_seq, p_table_name, p_record_id, p_action, p_old, p_new, NULL::uuid,
        NULL::text, NULL::text, p_action_name, p_actor,
        pg_catalog.to_char(pg_catalog.timezone('UTC', p_created_at), 'YYYY-MM-DD"T"HH24:MI:SS.US'), p_prev)::text,
        'UTF8')), 'hex');
END;
$$;

DROP AGGREGATE IF EXISTS tower_audit.chain(uuid, bigint, text, text, text, jsonb, jsonb, text, text, timestamptz);
-- no initial state: the first link's previous hash is NULL, as for the first row appended live
CREATE AGGREGATE tower_audit.chain(uuid, bigint, text, text, text, jsonb, jsonb, text, text, timestamptz) (
    SFUNC = tower_audit.chain_step,
    STYPE = text
);

-- One demo history row. The history arrives as an array of these, not as one jsonb array: building and
-- taking apart a 150 MB jsonb of 450k objects took 30 of the demo audit step's 50 seconds.
DO $$
BEGIN
    IF to_regtype('tower_audit.history_entry') IS NULL THEN
        CREATE TYPE tower_audit.history_entry AS (
            table_name text, record_id text, action text, old_values jsonb, new_values jsonb,
            action_name text, actor_login text, created_at timestamptz);
    END IF;
END
$$;
DROP FUNCTION IF EXISTS tower_audit.import_history(tower_audit.history_entry[]);

CREATE OR REPLACE FUNCTION tower_audit.import_history(p_rows tower_audit.history_entry[])
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    h record;
    n bigint;
    last_hash text;
BEGIN
    PERFORM tower_audit.require_demo_load();
    SELECT seq, row_hash INTO h FROM tower_audit.head WHERE singleton FOR UPDATE;
    IF h.seq <> 0 OR EXISTS (SELECT 1 FROM tower_audit.log) THEN
        RAISE EXCEPTION USING ERRCODE = 'P0001',
            MESSAGE = 'audit.not_empty: Demo history can only be loaded into an empty audit log.';
    END IF;
    -- the same encoding as tower_audit.append: row_hash over every column, prev_hash the link before
    WITH rows AS (
        SELECT pg_catalog.gen_random_uuid() AS id, e.ord AS seq, e.table_name, e.record_id, e.action,
               e.old_values, e.new_values, e.action_name, e.actor_login, e.created_at
        FROM pg_catalog.unnest(p_rows) WITH ORDINALITY e(table_name, record_id, action, old_values, new_values,
                                                          action_name, actor_login, created_at, ord)
    ), chained AS (
        SELECT r.*, tower_audit.chain(r.id, r.seq, r.table_name, r.record_id, r.action, r.old_values, r.new_values,
                                      r.action_name, r.actor_login, r.created_at)
                        OVER (ORDER BY r.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS row_hash
        FROM rows r
    ), inserted AS (
        INSERT INTO tower_audit.log (id, seq, table_name, record_id, action, old_values, new_values, action_name,
                                     actor_login, created_at, prev_hash, row_hash)
        SELECT c.id, c.seq, c.table_name, c.record_id, c.action, c.old_values, c.new_values, c.action_name,
               c.actor_login, c.created_at, lag(c.row_hash) OVER (ORDER BY c.seq), c.row_hash
        FROM chained c
        RETURNING seq, row_hash
    )
    SELECT count(*), (array_agg(i.row_hash ORDER BY i.seq DESC))[1] INTO n, last_hash FROM inserted i;
    IF n > 0 THEN
        UPDATE tower_audit.head SET seq = n, row_hash = last_hash WHERE singleton;
    END IF;
    RETURN n;
END;
$$;

-- Demo generation only (tower_setup, see db/SetupLogin): the demo wipe empties the log before loading its history.
CREATE OR REPLACE FUNCTION tower_audit.reset_for_demo()
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM tower_audit.require_demo_load();
    PERFORM 1 FROM tower_audit.head WHERE singleton FOR UPDATE;
    TRUNCATE tower_audit.log;
    UPDATE tower_audit.head SET seq = 0, row_hash = NULL WHERE singleton;
END;
$$;

REVOKE ALL ON FUNCTION tower_audit.reset_for_demo() FROM PUBLIC;
-- allow_demo_load: the superuser only (EXECUTE granted to nobody)
REVOKE ALL ON FUNCTION tower_audit.allow_demo_load(xid8), tower_audit.require_demo_load() FROM PUBLIC;
REVOKE ALL ON tower_audit.demo_load FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_audit.chain_step(text, uuid, bigint, text, text, text, jsonb, jsonb, text, text, timestamptz),
    tower_audit.chain(uuid, bigint, text, text, text, jsonb, jsonb, text, text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_audit.row_hash(uuid, bigint, text, text, text, jsonb, jsonb, uuid, inet, text, text, text,
    timestamptz, text), tower_audit.append(text, text, text, text, jsonb, jsonb),
    tower_audit.verify(bigint, text, bigint, text), tower_audit.checkpoint(),
    tower_audit.import_history(tower_audit.history_entry[]) FROM PUBLIC;
-- the roles whose functions audit
GRANT EXECUTE ON FUNCTION tower_audit.append(text, text, text, text, jsonb, jsonb) TO tower_owner, tower_security;
GRANT EXECUTE ON FUNCTION tower_audit.verify(bigint, text, bigint, text), tower_audit.checkpoint() TO tower_admin, tower_owner;
-- demo generation logs in as tower_setup (no staff role can become it)
GRANT EXECUTE ON FUNCTION tower_audit.import_history(tower_audit.history_entry[]), tower_audit.reset_for_demo() TO tower_setup;
COMMENT ON FUNCTION tower_audit.verify(bigint, text, bigint, text) IS 'permission: VERIFY_AUDIT_CHAIN';
COMMENT ON FUNCTION tower_audit.checkpoint() IS 'permission: VERIFY_AUDIT_CHAIN';

RESET ROLE;
GRANT MAINTAIN ON tower_audit.log TO tower_setup;

-- First move only: re-chain the carried-over rows under the new encoding, then fill the head.
SET ROLE tower_audit;
DO $$
DECLARE
    r record;
    prev text;
    n bigint := 0;
BEGIN
    IF EXISTS (SELECT 1 FROM tower_audit.head) THEN
        RETURN;
    END IF;
    FOR r IN SELECT * FROM tower_audit.log ORDER BY seq LOOP
        n := n + 1;
        UPDATE tower_audit.log SET seq = n, prev_hash = prev,
               row_hash = tower_audit.row_hash(r.id, n, r.table_name, r.record_id, r.action, r.old_values, r.new_values,
                                               r.user_id, r.ip_address, r.user_agent, r.action_name, r.actor_login,
                                               r.created_at, prev)
        WHERE id = r.id
        RETURNING row_hash INTO prev;
    END LOOP;
    INSERT INTO tower_audit.head (singleton, seq, row_hash) VALUES (true, n, prev);
END
$$;
RESET ROLE;

-- The name every reader uses: a plain view owned by tower_audit (no functions in it), reading with the
-- caller's rights; admins may SELECT the log, nobody on staff may change it.
DO $$
BEGIN
    IF to_regclass('public.audit_logs') IS NULL THEN
        CREATE VIEW public.audit_logs WITH (security_invoker = true) AS
            SELECT l.id, l.table_name, l.record_id, l.action, l.old_values, l.new_values, l.user_id, l.ip_address,
                   l.user_agent, l.created_at, l.seq, l.action_name, l.actor_login, l.prev_hash, l.row_hash
            FROM tower_audit.log l;
        ALTER VIEW public.audit_logs OWNER TO tower_audit;
        REVOKE ALL ON public.audit_logs FROM PUBLIC;
        GRANT SELECT ON public.audit_logs TO tower_admin;
        GRANT SELECT ON tower_audit.log TO tower_admin;
    ELSIF NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = 'public.audit_logs'::regclass
                      AND relkind = 'v' AND relowner = 'tower_audit'::regrole) THEN
        RAISE EXCEPTION 'public.audit_logs is not the audit view Tower created; refusing to start.';
    END IF;
END
$$;
-- The owner's guarded functions say who decided first ("already decided by X at T") from the log;
-- admins, who alone may become tower_owner, read it anyway, so this widens nothing.
GRANT SELECT ON public.audit_logs, tower_audit.log TO tower_owner;

-- The owner's entry points keep their signatures; they now hand over to the audit owner.
SET ROLE tower_owner;
CREATE OR REPLACE FUNCTION tower_internal.audit(p_action_name text, p_table text, p_record_id text, p_action text,
                                                p_old jsonb, p_new jsonb)
RETURNS bigint
LANGUAGE sql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT tower_audit.append(p_action_name, p_table, p_record_id, p_action, p_old, p_new)
$$;

CREATE OR REPLACE FUNCTION ops.verify_audit_chain()
RETURNS TABLE (rows_checked bigint, first_broken_seq bigint, problem text)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM tower_audit.verify(0, NULL, NULL, NULL)
$$;
RESET ROLE;
RESET search_path;
