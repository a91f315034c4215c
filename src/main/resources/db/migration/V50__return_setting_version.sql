-- Write-path conventions, settled (issue 7): a function that changes a row returns the row's new
-- version (here: the stored value as normalised and its updated_at, which the next call passes back);
-- a stale version is a conflict ('…changed_meanwhile' codes, which the app maps to ConflictException);
-- out-of-range input says what is wrong and the range (codes stay those V10 raised). Each guarded function names the Permission it
-- implements in its comment, which SecurityConventionsTest checks against PermissionMatrix.

DROP FUNCTION ops.set_system_setting(text, text, timestamptz);

CREATE FUNCTION ops.set_system_setting(p_key text, p_value text, p_expected_updated_at timestamptz DEFAULT NULL)
RETURNS TABLE (config_key text, value text, description text, updated_at timestamptz)
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
    SELECT * INTO current_row FROM system_config c WHERE c.config_key = p_key FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('settings.unknown_key', format('There is no setting called "%s".', p_key));
    END IF;
    IF p_expected_updated_at IS NOT NULL AND current_row.updated_at IS DISTINCT FROM p_expected_updated_at THEN
        PERFORM tower_internal.fail('settings.changed_meanwhile',
            'Someone else changed this setting since you opened it. Reload to see their value.');
    END IF;

    CASE p_key
    WHEN 'refund.second_approval_above' THEN
        IF replace(v, ',', '') !~ '^-?\d{1,20}(\.\d+)?$' THEN
            PERFORM tower_internal.fail('settings.not_an_amount',
                format('"%s" is not an amount in dollars and cents, such as 200 or 200.00.', p_value));
        END IF;
        amount := replace(v, ',', '')::numeric;
        IF amount <= 0 OR amount > 100000 THEN
            PERFORM tower_internal.fail('settings.out_of_range',
                'The refund approval limit must be between 0.01 and 100000.00 USD.');
        END IF;
        IF scale(amount) > 2 AND amount <> round(amount, 2) THEN
            PERFORM tower_internal.fail('settings.not_an_amount',
                format('"%s" has more than two decimals; cents are the smallest unit.', p_value));
        END IF;
        new_value := to_jsonb(to_char(amount, 'FM9999990.00'));
    WHEN 'dispute.sla_hours' THEN
        IF v !~ '^-?\d{1,20}(\.\d+)?$' THEN
            PERFORM tower_internal.fail('settings.out_of_range', format('"%s" is not a whole number of hours.', p_value));
        END IF;
        IF v::numeric < 1 OR v::numeric > 720 THEN
            PERFORM tower_internal.fail('settings.out_of_range', 'Hours to resolve a dispute must be between 1 and 720 hours.');
        END IF;
        IF v::numeric <> trunc(v::numeric) THEN
            PERFORM tower_internal.fail('settings.out_of_range', format('"%s" is not a whole number of hours.', p_value));
        END IF;
        new_value := to_jsonb(v::numeric::integer);
    WHEN 'platform.fee_percent' THEN
        IF v !~ '^-?\d{1,20}(\.\d+)?$' THEN
            PERFORM tower_internal.fail('settings.out_of_range',
                format('"%s" is not a percentage, such as 12.5.', p_value));
        END IF;
        IF v::numeric < 0 OR v::numeric > 50 THEN
            PERFORM tower_internal.fail('settings.out_of_range', 'The platform fee must be between 0 and 50 %.');
        END IF;
        IF v::numeric <> round(v::numeric, 2) THEN
            PERFORM tower_internal.fail('settings.out_of_range',
                format('"%s" has more than two decimals; the fee is set to a hundredth of a percent.', p_value));
        END IF;
        new_value := to_jsonb(to_char(v::numeric, 'FM990.00'));
    ELSE
        PERFORM tower_internal.fail('settings.not_editable', format('The setting "%s" cannot be edited here.', p_key));
    END CASE;

    IF new_value IS DISTINCT FROM current_row.config_value THEN
        UPDATE system_config c SET config_value = new_value WHERE c.id = current_row.id
        RETURNING c.updated_at INTO current_row.updated_at;
        PERFORM tower_internal.audit('set_system_setting', 'system_config', p_key, 'UPDATE',
            jsonb_build_object('config_value', current_row.config_value), jsonb_build_object('config_value', new_value));
    END IF;
    RETURN QUERY SELECT p_key, new_value #>> '{}', current_row.description, current_row.updated_at;
END;
$$;
REVOKE ALL ON FUNCTION ops.set_system_setting(text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ops.set_system_setting(text, text, timestamptz) TO tower_admin;

COMMENT ON FUNCTION ops.set_system_setting(text, text, timestamptz) IS 'permission: MANAGE_SETTINGS';
COMMENT ON FUNCTION ops.verify_audit_chain() IS 'permission: VERIFY_AUDIT_CHAIN';
