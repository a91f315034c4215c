-- V70's repeated guard prologues, written once (issue 12 review): every note a refund, a refund decision or
-- a dispute resolution takes is trimmed, required and at most 2000 characters, and both dispute functions
-- start by locking the dispute and refusing an unknown id. The four functions are replaced with the same
-- bodies but for those lines, so every check still runs in the same order with the same code and words
-- (the dispute and refund function tests hold them to it). Grants and permission comments stay as V70 set
-- them: CREATE OR REPLACE keeps a function's ACL and comment.
-- Opening a dispute (the fifth, at the end) took a note of any length; it now goes through the same guard,
-- so a pasted e-mail thread no longer sits whole in the queue, the evidence pack and the audit row.

-- The trimmed note, or a plain refusal: '<domain>.note_required: <p_missing>' when there is none,
-- '<domain>.note_too_long' past 2000 characters.
CREATE FUNCTION tower_internal.require_note(p_note text, p_domain text, p_missing text)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    note text := nullif(btrim(coalesce(p_note, '')), '');
BEGIN
    IF note IS NULL THEN
        PERFORM tower_internal.fail(p_domain || '.note_required', p_missing);
    END IF;
    IF length(note) > 2000 THEN
        PERFORM tower_internal.fail(p_domain || '.note_too_long', 'The note can be at most 2000 characters.');
    END IF;
    RETURN note;
END;
$$;

-- The dispute, locked for the caller's change (FOR UPDATE, held to commit), or 'dispute.not_found'. Whether
-- it is already resolved is the caller's to say: each says it in its own words.
CREATE FUNCTION tower_internal.lock_dispute(p_dispute uuid)
RETURNS public.disputes
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
    d public.disputes%ROWTYPE;
BEGIN
    SELECT * INTO d FROM public.disputes WHERE id = p_dispute FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('dispute.not_found', format('There is no dispute with id %s.', p_dispute));
    END IF;
    RETURN d;
END;
$$;

REVOKE ALL ON FUNCTION tower_internal.require_note(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_internal.lock_dispute(uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION tower_internal.record_refund(p_booking uuid, p_amount numeric, p_reason_code text, p_note text,
                                             p_idempotency_key text, p_dispute uuid, p_action text)
RETURNS TABLE (refund_id uuid, status text, amount numeric, platform_fee_share numeric, provider_share numeric,
               replayed boolean)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    key text := btrim(coalesce(p_idempotency_key, ''));
    note text;
    existing public.refunds%ROWTYPE;
    pay public.payments%ROWTYPE;
    b public.bookings%ROWTYPE;
    reserved numeric;
    remaining numeric;
    fee_before numeric;
    fee_share numeric;
    limit_amount numeric;
    new_status text;
    new_id uuid;
BEGIN
    IF key = '' OR length(key) > 100 THEN
        PERFORM tower_internal.fail('refund.key_required',
            'The refund has no idempotency key (1 to 100 characters); reopen the form and try again.');
    END IF;
    IF p_booking IS NULL THEN
        PERFORM tower_internal.fail('refund.booking_not_found', 'No booking was given.');
    END IF;
    SELECT * INTO b FROM public.bookings WHERE id = p_booking;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('refund.booking_not_found', format('There is no booking with id %s.', p_booking));
    END IF;
    -- The captured payment, locked: every refund on it waits here, so the remainder below is exact.
    SELECT * INTO pay FROM public.payments
    WHERE order_id = p_booking AND payments.status IN ('completed', 'partially_refunded', 'refunded')
    ORDER BY created_at DESC, id DESC LIMIT 1
    FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('refund.nothing_captured',
            format('Booking %s has no captured payment, so there is nothing to refund.', b.order_number));
    END IF;

    -- Same key again: the first refund, never a second.
    SELECT * INTO existing FROM public.refunds WHERE idempotency_key = key;
    IF FOUND THEN
        IF existing.booking_id <> p_booking THEN
            PERFORM tower_internal.fail('refund.key_reused',
                'This idempotency key was already used for a refund on another booking.');
        END IF;
        RETURN QUERY SELECT existing.id, existing.status, existing.amount, existing.platform_fee_share,
                            existing.provider_share, true;
        RETURN;
    END IF;

    IF p_reason_code IS NULL OR p_reason_code NOT IN ('duplicate', 'fraudulent', 'requested_by_customer',
                                                      'service_not_delivered', 'other') THEN
        PERFORM tower_internal.fail('refund.unknown_reason',
            format('"%s" is not a refund reason; choose duplicate, fraudulent, requested by customer, service not delivered or other.',
                   coalesce(p_reason_code, '')));
    END IF;
    note := tower_internal.require_note(p_note, 'refund', 'Write a short note saying why the money goes back.');
    IF p_amount IS NULL OR p_amount <= 0 THEN
        PERFORM tower_internal.fail('refund.amount_not_positive', 'A refund must be more than 0.00.');
    END IF;
    IF p_amount <> round(p_amount, 2) THEN
        PERFORM tower_internal.fail('refund.amount_too_precise', 'Give the amount in dollars and cents, such as 12.50.');
    END IF;

    -- Refunds awaiting approval hold their amount too, so two waiting ones cannot overcommit.
    SELECT coalesce(sum(r.amount), 0), coalesce(sum(r.platform_fee_share) FILTER (WHERE r.status IN ('awaiting_approval', 'issued')), 0)
    INTO reserved, fee_before
    FROM public.refunds r WHERE r.payment_id = pay.id AND r.status IN ('awaiting_approval', 'issued');
    remaining := pay.amount - reserved;
    IF p_amount > remaining THEN
        PERFORM tower_internal.fail('refund.more_than_remaining',
            format('%s is more than the %s left to refund on booking %s (captured %s, already refunded or awaiting approval %s).',
                   to_char(p_amount, 'FM99999990.00'), to_char(remaining, 'FM99999990.00'), b.order_number,
                   to_char(pay.amount, 'FM99999990.00'), to_char(reserved, 'FM99999990.00')));
    END IF;

    -- The fee's share, cumulative so the shares of all refunds of the whole amount add up to the fee exactly.
    fee_share := CASE WHEN pay.amount = 0 THEN 0
                      ELSE least(round(b.platform_fee * (reserved + p_amount) / pay.amount, 2), b.platform_fee) - fee_before END;
    fee_share := greatest(least(fee_share, p_amount), 0);

    limit_amount := coalesce(tower_internal.setting_amount('refund.second_approval_above'), 0);
    new_status := CASE WHEN p_amount > limit_amount THEN 'awaiting_approval' ELSE 'issued' END;

    INSERT INTO public.refunds (booking_id, payment_id, amount, reason, idempotency_key, status, requested_by,
                                reason_code, note, platform_fee_share, provider_share, dispute_id, decided_at)
    VALUES (p_booking, pay.id, p_amount, note, key, new_status, session_user, p_reason_code, note,
            fee_share, p_amount - fee_share, p_dispute, CASE WHEN new_status = 'issued' THEN now() END)
    RETURNING id INTO new_id;
    IF new_status = 'issued' THEN
        PERFORM tower_internal.apply_issued_refund(new_id);
    END IF;
    PERFORM tower_internal.audit(p_action, 'refunds', new_id::text, 'INSERT', NULL,
        jsonb_build_object('booking_id', p_booking, 'payment_id', pay.id, 'amount', p_amount, 'status', new_status,
                           'reason_code', p_reason_code, 'platform_fee_share', fee_share,
                           'provider_share', p_amount - fee_share, 'idempotency_key', key));
    RETURN QUERY SELECT new_id, new_status, p_amount, fee_share, p_amount - fee_share, false;
END;
$$;

CREATE OR REPLACE FUNCTION ops.decide_refund(p_refund uuid, p_approve boolean, p_note text)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    r public.refunds%ROWTYPE;
    note text;
    new_status text;
BEGIN
    IF p_approve IS NULL THEN
        PERFORM tower_internal.fail('refund.decision_required', 'Say whether the refund is approved or declined.');
    END IF;
    SELECT * INTO r FROM public.refunds WHERE id = p_refund;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('refund.not_found', format('There is no refund with id %s.', p_refund));
    END IF;
    -- lock order as in record_refund: the payment first, then the refund
    PERFORM 1 FROM public.payments WHERE id = r.payment_id FOR UPDATE;
    SELECT * INTO r FROM public.refunds WHERE id = p_refund FOR UPDATE;
    IF r.status <> 'awaiting_approval' THEN
        PERFORM tower_internal.fail('refund.already_decided',
            format('This refund was already %s by %s at %s UTC.',
                   CASE r.status WHEN 'issued' THEN 'approved' ELSE 'declined' END,
                   tower_internal.staff_name(coalesce(r.approved_by, r.requested_by)),
                   to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')));
    END IF;
    IF r.requested_by = session_user THEN
        PERFORM tower_internal.fail('refund.own_request',
            'You asked for this refund, so another admin has to approve or decline it.');
    END IF;
    note := tower_internal.require_note(p_note, 'refund', 'Write a short note for the decision.');
    new_status := CASE WHEN p_approve THEN 'issued' ELSE 'rejected' END;
    UPDATE public.refunds SET status = new_status, approved_by = session_user, decided_at = now(), decision_note = note
    WHERE id = r.id;
    IF p_approve THEN
        PERFORM tower_internal.apply_issued_refund(r.id);
    END IF;
    PERFORM tower_internal.audit(CASE WHEN p_approve THEN 'approve_refund' ELSE 'decline_refund' END,
        'refunds', r.id::text, 'UPDATE', jsonb_build_object('status', r.status),
        jsonb_build_object('status', new_status, 'note', note));
    RETURN new_status;
END;
$$;

CREATE OR REPLACE FUNCTION ops.assign_dispute(p_dispute uuid, p_assignee text)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    d public.disputes%ROWTYPE;
    who text := nullif(btrim(coalesce(p_assignee, '')), '');
BEGIN
    d := tower_internal.lock_dispute(p_dispute);
    IF d.status = 'resolved' THEN
        PERFORM tower_internal.fail('dispute.already_resolved',
            format('%s already resolved this dispute.', tower_internal.staff_name(d.resolved_by)));
    END IF;
    IF who IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.staff_members s
                                       WHERE s.login = who AND NOT s.disabled AND s.role_group IN ('tower_admin', 'tower_ops')) THEN
        PERFORM tower_internal.fail('dispute.unknown_assignee',
            format('"%s" is not an active ops or admin login that can work disputes.', who));
    END IF;
    IF who IS NOT DISTINCT FROM d.assigned_to THEN
        RETURN who;
    END IF;
    UPDATE public.disputes
    SET assigned_to = who,
        status = CASE WHEN who IS NOT NULL THEN 'under_review' ELSE status END,
        reviewed_at = CASE WHEN who IS NOT NULL THEN coalesce(reviewed_at, now()) ELSE reviewed_at END
    WHERE id = d.id;
    PERFORM tower_internal.audit(CASE WHEN who IS NULL THEN 'release_dispute'
                                      WHEN who = session_user THEN 'claim_dispute' ELSE 'assign_dispute' END,
        'disputes', d.id::text, 'UPDATE', jsonb_build_object('assigned_to', d.assigned_to, 'status', d.status),
        jsonb_build_object('assigned_to', who));
    RETURN who;
END;
$$;

CREATE OR REPLACE FUNCTION ops.resolve_dispute(p_dispute uuid, p_resolution text, p_amount text, p_reason_code text,
                                    p_note text, p_idempotency_key text)
RETURNS TABLE (resolution text, refund_id uuid, refund_status text, refund_amount numeric, booking_status text)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    d public.disputes%ROWTYPE;
    b public.bookings%ROWTYPE;
    note text;
    amount numeric;
    captured numeric;
    reserved numeric;
    v_refund_id uuid;
    v_refund_status text;
    v_refund_amount numeric;
    target public.booking_status;
    provider_user uuid;
BEGIN
    d := tower_internal.lock_dispute(p_dispute);
    IF d.status = 'resolved' THEN
        PERFORM tower_internal.fail('dispute.already_resolved',
            format('%s already resolved this dispute at %s UTC: %s.', tower_internal.staff_name(d.resolved_by),
                   to_char(d.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                   CASE d.resolution WHEN 'no_refund' THEN 'no refund'
                        ELSE replace(d.resolution, '_', ' ') || coalesce(' of ' ||
                             (SELECT to_char(r.amount, 'FM99999990.00') FROM public.refunds r WHERE r.id = d.refund_id), '') END));
    END IF;
    IF p_resolution IS NULL OR p_resolution NOT IN ('full_refund', 'partial_refund', 'no_refund') THEN
        PERFORM tower_internal.fail('dispute.unknown_resolution',
            'Choose full refund, partial refund or no refund.');
    END IF;
    note := tower_internal.require_note(p_note, 'dispute', 'Write a note explaining the resolution.');
    SELECT * INTO b FROM public.bookings WHERE id = d.booking_id FOR UPDATE;

    IF p_resolution = 'partial_refund' THEN
        amount := tower_internal.parse_refund_amount(p_amount);
    ELSIF p_resolution = 'full_refund' THEN
        SELECT p.amount INTO captured FROM public.payments p
        WHERE p.order_id = b.id AND p.status IN ('completed', 'partially_refunded', 'refunded')
        ORDER BY p.created_at DESC, p.id DESC LIMIT 1;
        SELECT coalesce(sum(r.amount), 0) INTO reserved FROM public.refunds r
        WHERE r.booking_id = b.id AND r.status IN ('awaiting_approval', 'issued');
        amount := coalesce(captured, 0) - reserved;
        IF captured IS NOT NULL AND amount <= 0 THEN
            PERFORM tower_internal.fail('dispute.nothing_left',
                format('Booking %s has already been refunded in full; resolve with no refund.', b.order_number));
        END IF;
    END IF;

    IF p_resolution <> 'no_refund' THEN
        SELECT r.refund_id, r.status, r.amount INTO v_refund_id, v_refund_status, v_refund_amount
        FROM tower_internal.record_refund(b.id, amount, coalesce(p_reason_code, 'other'), note,
                                                              p_idempotency_key, d.id, 'resolve_dispute_refund') r;
    END IF;

    target := CASE WHEN p_resolution = 'full_refund' THEN 'cancelled' ELSE 'completed' END;
    IF b.status = 'disputed' THEN
        PERFORM tower_internal.move_booking('resolve_dispute', b.id, target,
            (SELECT version FROM public.bookings WHERE id = b.id), CASE WHEN target = 'cancelled' THEN 'other' END,
            note);
    END IF;

    UPDATE public.disputes
    SET status = 'resolved', resolution = p_resolution, resolution_note = note, resolved_at = now(),
        resolved_by = session_user, refund_id = v_refund_id,
        reviewed_at = coalesce(reviewed_at, now()), assigned_to = coalesce(assigned_to, session_user)
    WHERE id = d.id;

    SELECT p.user_id INTO provider_user FROM public.providers p WHERE p.id = b.provider_id;
    INSERT INTO public.notifications (user_id, type, title, body, data)
    SELECT u, 'dispute_resolved',
           format('Dispute on booking %s resolved', b.order_number),
           CASE p_resolution WHEN 'no_refund' THEN 'The dispute was resolved with no refund.'
                ELSE format('The dispute was resolved with a %s of %s %s.', replace(p_resolution, '_', ' '),
                            to_char(v_refund_amount, 'FM99999990.00'), 'USD') END,
           jsonb_build_object('dispute_id', d.id, 'booking_id', b.id, 'resolution', p_resolution,
                              'refund_id', v_refund_id)
    FROM unnest(ARRAY[b.consumer_id, provider_user]) AS u WHERE u IS NOT NULL;

    PERFORM tower_internal.audit('resolve_dispute', 'disputes', d.id::text, 'UPDATE',
        jsonb_build_object('status', d.status),
        jsonb_strip_nulls(jsonb_build_object('status', 'resolved', 'resolution', p_resolution, 'note', note,
                                             'refund_id', v_refund_id)));
    RETURN QUERY SELECT p_resolution, v_refund_id, v_refund_status, v_refund_amount,
                        (SELECT bb.status::text FROM public.bookings bb WHERE bb.id = b.id);
END;
$$;

-- V70's, but for the note: through tower_internal.require_note, so at most 2000 characters as well.
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
