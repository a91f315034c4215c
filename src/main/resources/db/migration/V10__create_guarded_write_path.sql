-- The write path. Staff have no INSERT/UPDATE/DELETE on any table; every change is a function in
-- schema ops: SECURITY DEFINER (runs as its owner), search_path pinned with pg_temp last, EXECUTE
-- revoked from PUBLIC and granted only to the groups allowed. Each one validates its input and raises
-- 'code: plain words.' (SQLSTATE P0001), locks what it changes, changes it and writes the audit row,
-- all in the caller's single transaction. The actor is session_user: the login that connected, which
-- no SET ROLE or session setting can change.

CREATE SCHEMA ops;
REVOKE ALL ON SCHEMA ops FROM PUBLIC;
GRANT USAGE ON SCHEMA ops TO tower_admin, tower_ops, tower_analyst;
-- Staff-login functions need CREATEROLE and ADMIN on the groups, which the owner cannot hold (see
-- db/bootstrap/V0__roles.sql); tower_security owns those and lives in the same schema.
GRANT USAGE, CREATE ON SCHEMA ops TO tower_security;

-- Helpers nobody on staff can call directly.
CREATE SCHEMA tower_internal;
REVOKE ALL ON SCHEMA tower_internal FROM PUBLIC;
GRANT USAGE ON SCHEMA tower_internal TO tower_security;

-- Raise a coded, plain-worded validation error.
CREATE FUNCTION tower_internal.fail(code text, message text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = code || ': ' || message;
END;
$$;
GRANT EXECUTE ON FUNCTION tower_internal.fail(text, text) TO tower_security;

-- ---------------------------------------------------------------------------------------------
-- Audit: append-only and hash-chained. Each row's hash covers its content and the previous row's
-- hash, so editing or deleting a row breaks the chain at that row.
CREATE FUNCTION tower_internal.audit_row_hash(a audit_logs)
RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        a.seq::text, a.table_name, a.record_id, a.action, coalesce(a.action_name, ''), a.actor_login,
        to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(a.old_values::text, ''), coalesce(a.new_values::text, ''), coalesce(a.prev_hash, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION tower_internal.audit_chain_append()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    last_row record;
BEGIN
    -- One appender at a time, held to commit: positions follow commit order and never interleave.
    PERFORM pg_advisory_xact_lock(hashtext('tower.audit_chain'));
    SELECT seq, row_hash INTO last_row FROM audit_logs ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_row.seq, 0) + 1;
    NEW.prev_hash := last_row.row_hash;
    NEW.created_at := coalesce(NEW.created_at, now());
    -- Staff cannot claim to be someone else; only setup code running as a superuser (imports,
    -- the demo generator) may record another actor.
    IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
        NEW.actor_login := session_user;
    END IF;
    NEW.row_hash := tower_internal.audit_row_hash(NEW);
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_logs_chain
    BEFORE INSERT ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION tower_internal.audit_chain_append();
-- Also when bulk loaders switch ordinary triggers off (session_replication_role = replica).
ALTER TABLE audit_logs ENABLE ALWAYS TRIGGER audit_logs_chain;

CREATE FUNCTION tower_internal.audit_append_only()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'P0001',
        MESSAGE = 'audit.append_only: The audit log cannot be changed or deleted, only added to.';
END;
$$;

CREATE TRIGGER audit_logs_append_only
    BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION tower_internal.audit_append_only();
CREATE TRIGGER audit_logs_no_truncate
    BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION tower_internal.audit_append_only();

-- Writes one audit row for a staff action. Called by the ops functions (and tower_security's).
CREATE FUNCTION tower_internal.audit(p_action_name text, p_table text, p_record_id text, p_action text,
                                     p_old jsonb, p_new jsonb)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    new_seq bigint;
BEGIN
    INSERT INTO audit_logs (table_name, record_id, action, old_values, new_values, action_name, actor_login, seq)
    VALUES (p_table, p_record_id, p_action, p_old, p_new, p_action_name, session_user, 0)
    RETURNING seq INTO new_seq;
    RETURN new_seq;
END;
$$;
GRANT EXECUTE ON FUNCTION tower_internal.audit(text, text, text, text, jsonb, jsonb) TO tower_security;

-- Walks the chain in order; reports the first row whose hash or link is wrong (NULL when intact).
CREATE FUNCTION ops.verify_audit_chain()
RETURNS TABLE (rows_checked bigint, first_broken_seq bigint, problem text)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    WITH chain AS (
        SELECT a.seq,
               a.row_hash,
               a.prev_hash,
               tower_internal.audit_row_hash(a) AS computed,
               lag(a.row_hash) OVER (ORDER BY a.seq) AS previous_hash,
               lag(a.seq) OVER (ORDER BY a.seq) AS previous_seq
        FROM audit_logs a
    ), broken AS (
        SELECT seq,
               CASE WHEN row_hash IS DISTINCT FROM computed
                        THEN format('Audit entry #%s was changed after it was written.', seq)
                    WHEN previous_seq IS NOT NULL AND previous_seq <> seq - 1
                        THEN format('Audit entries #%s to #%s are missing.', previous_seq + 1, seq - 1)
                    WHEN previous_seq IS NULL AND seq <> 1
                        THEN format('Audit entries #1 to #%s are missing.', seq - 1)
                    ELSE format('Audit entry #%s does not follow the entry before it.', seq)
               END AS problem
        FROM chain
        WHERE row_hash IS DISTINCT FROM computed
           OR prev_hash IS DISTINCT FROM previous_hash
           OR (previous_seq IS NOT NULL AND previous_seq <> seq - 1)
           OR (previous_seq IS NULL AND seq <> 1)
        ORDER BY seq
        LIMIT 1
    )
    SELECT (SELECT count(*) FROM audit_logs), b.seq, b.problem
    FROM (SELECT 1) one LEFT JOIN broken b ON true
$$;
GRANT EXECUTE ON FUNCTION ops.verify_audit_chain() TO tower_admin;

-- ---------------------------------------------------------------------------------------------
-- System settings (admin). Typed per key: money as a 2-decimal string, hours as an integer.
CREATE FUNCTION ops.set_system_setting(p_key text, p_value text, p_expected_updated_at timestamptz DEFAULT NULL)
RETURNS timestamptz
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    current_row system_config%ROWTYPE;
    v text := btrim(coalesce(p_value, ''));
    new_value jsonb;
    amount numeric;
BEGIN
    SELECT * INTO current_row FROM system_config WHERE config_key = p_key FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('settings.unknown_key', format('There is no setting called "%s".', p_key));
    END IF;
    IF p_expected_updated_at IS NOT NULL AND current_row.updated_at IS DISTINCT FROM p_expected_updated_at THEN
        PERFORM tower_internal.fail('settings.changed_meanwhile',
            'Someone else changed this setting since you opened it. Reload to see their value.');
    END IF;

    CASE p_key
    WHEN 'refund.second_approval_above' THEN
        IF v !~ '^\d{1,7}(\.\d{1,2})?$' THEN
            PERFORM tower_internal.fail('settings.not_an_amount',
                format('"%s" is not an amount in dollars and cents, such as 200 or 200.00.', p_value));
        END IF;
        amount := v::numeric;
        IF amount <= 0 OR amount > 100000 THEN
            PERFORM tower_internal.fail('settings.out_of_range', 'The refund approval limit must be above 0 and at most 100000.00.');
        END IF;
        new_value := to_jsonb(to_char(amount, 'FM9999990.00'));
    WHEN 'dispute.sla_hours' THEN
        IF v !~ '^\d{1,4}$' OR v::integer NOT BETWEEN 1 AND 720 THEN
            PERFORM tower_internal.fail('settings.out_of_range',
                format('"%s" is not a whole number of hours between 1 and 720.', p_value));
        END IF;
        new_value := to_jsonb(v::integer);
    WHEN 'platform.fee_percent' THEN
        IF v !~ '^\d{1,2}(\.\d{1,2})?$' OR v::numeric > 50 THEN
            PERFORM tower_internal.fail('settings.out_of_range',
                format('"%s" is not a percentage between 0 and 50 with at most two decimals.', p_value));
        END IF;
        new_value := to_jsonb(to_char(v::numeric, 'FM990.00'));
    ELSE
        PERFORM tower_internal.fail('settings.not_editable', format('The setting "%s" cannot be edited here.', p_key));
    END CASE;

    IF new_value = current_row.config_value THEN
        RETURN current_row.updated_at;   -- nothing changes, nothing to audit
    END IF;

    UPDATE system_config SET config_value = new_value WHERE id = current_row.id
    RETURNING updated_at INTO current_row.updated_at;
    PERFORM tower_internal.audit('set_system_setting', 'system_config', p_key, 'UPDATE',
        jsonb_build_object('config_value', current_row.config_value), jsonb_build_object('config_value', new_value));
    RETURN current_row.updated_at;
END;
$$;
GRANT EXECUTE ON FUNCTION ops.set_system_setting(text, text, timestamptz) TO tower_admin;

-- What tower_security's staff functions touch.
GRANT SELECT, INSERT, UPDATE ON staff_members TO tower_security;
