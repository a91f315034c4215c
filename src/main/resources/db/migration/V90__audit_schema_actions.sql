-- Issue 14: the migrations panel. Staff read the migration history themselves (the on-connect check
-- compares it with the build, as the staff member, so nothing more powerful reads an owner table for
-- them), and every validate / migrate / repair an admin runs from Tower writes an audit row.
GRANT SELECT ON public.flyway_schema_history TO tower_admin, tower_ops, tower_analyst;

-- Records one schema action. Flyway itself runs outside this function (on its own connections, as
-- tower_owner); this writes what was done and its outcome. Admin only; the actor is session_user.
CREATE FUNCTION ops.record_schema_action(p_action text, p_outcome text, p_detail jsonb)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_action IS NULL OR p_action NOT IN ('validate', 'migrate', 'repair') THEN
        PERFORM tower_internal.fail('schema.unknown_action', 'Say which schema action was run: validate, migrate or repair.');
    END IF;
    IF p_outcome IS NULL OR p_outcome NOT IN ('succeeded', 'failed') THEN
        PERFORM tower_internal.fail('schema.unknown_outcome', 'Say whether the schema action succeeded or failed.');
    END IF;
    IF p_detail IS NOT NULL AND jsonb_typeof(p_detail) <> 'object' THEN
        PERFORM tower_internal.fail('schema.bad_detail', 'The details of a schema action must be a JSON object.');
    END IF;
    IF octet_length(coalesce(p_detail::text, '')) > 65536 THEN
        PERFORM tower_internal.fail('schema.detail_too_long', 'The details of a schema action are too long (64 kB at most).');
    END IF;
    RETURN tower_internal.audit('schema_' || p_action, 'flyway_schema_history', p_action, 'UPDATE', NULL,
        jsonb_build_object('outcome', p_outcome) || coalesce(p_detail, '{}'::jsonb));
END;
$$;
REVOKE ALL ON FUNCTION ops.record_schema_action(text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.record_schema_action(text, text, jsonb) TO tower_admin;
COMMENT ON FUNCTION ops.record_schema_action(text, text, jsonb) IS 'permission: APPLY_MIGRATIONS';
