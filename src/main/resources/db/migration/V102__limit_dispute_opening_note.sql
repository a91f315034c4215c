-- Opening a dispute took a note of any length, while resolving one, refunds and decisions refuse more
-- than 2000 characters (V70, V121): a pasted e-mail thread would sit in the queue, the evidence pack and
-- the audit row whole. It now goes through the same guard (tower_internal.require_note, V121), which
-- also keeps the "note required" refusal in V70's words. Otherwise the function is V70's.
CREATE OR REPLACE FUNCTION ops.open_dispute(p_booking uuid, p_expected_version integer, p_reason_code text, p_note text)
RETURNS uuid
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    note text;
    hours integer := coalesce((SELECT (config_value #>> '{}')::integer FROM public.system_config
                               WHERE config_key = 'dispute.sla_hours'), 48);
    reason_label text;
    new_id uuid;
BEGIN
    SELECT name ->> 'en' INTO reason_label FROM public.ref_codes
    WHERE type_code = 'dispute_reason' AND code = p_reason_code AND status = 1;
    IF reason_label IS NULL THEN
        PERFORM tower_internal.fail('dispute.unknown_reason',
            format('"%s" is not one of the dispute reasons.', coalesce(p_reason_code, '')));
    END IF;
    note := tower_internal.require_note(p_note, 'dispute', 'Write a short note saying what the dispute is about.');
    -- moves the booking (locks it, checks the version and the transition, audits the move)
    PERFORM tower_internal.move_booking('mark_booking_disputed', p_booking, 'disputed', p_expected_version, NULL, note);
    INSERT INTO public.disputes (booking_id, reason, reason_code, note, opened_by_login, opened_at, sla_due_at)
    VALUES (p_booking, reason_label, p_reason_code, note, session_user, now(), now() + make_interval(hours => hours))
    RETURNING id INTO new_id;
    PERFORM tower_internal.audit('open_dispute', 'disputes', new_id::text, 'INSERT', NULL,
        jsonb_build_object('booking_id', p_booking, 'reason_code', p_reason_code, 'note', note));
    RETURN new_id;
END;
$$;
