-- Disputes and refunds (issue 12). The rules live here, not in the client:
--  * a refund is recorded against the booking's captured payment under a row lock on that payment, so
--    the refunded total never exceeds what was captured, whatever the concurrency;
--  * an idempotency key, made by the client before anything is sent, is stored with the refund: the
--    same key twice returns the first refund;
--  * refunds above the limit in system settings wait for an admin other than the requester;
--  * an issued refund goes to an outbox that the platform's payment service works off (Tower holds no
--    gateway secret); a failed one is retried with the same key;
--  * a dispute is resolved once: the dispute row is locked, the loser is told who won and how.

-- ---------------------------------------------------------------------------------------------
-- Columns the workflow needs.
ALTER TABLE refunds
    ADD COLUMN reason_code text
        CHECK (reason_code IN ('duplicate', 'fraudulent', 'requested_by_customer', 'service_not_delivered', 'other')),
    ADD COLUMN note text,
    -- who pays it back: the platform gives back this much of its fee, the provider the rest
    ADD COLUMN platform_fee_share numeric(10, 2) CHECK (platform_fee_share >= 0),
    ADD COLUMN provider_share numeric(10, 2) CHECK (provider_share >= 0),
    ADD COLUMN dispute_id uuid REFERENCES disputes (id),
    ADD COLUMN decision_note text,
    ADD CONSTRAINT refunds_split_adds_up
        CHECK (platform_fee_share IS NULL OR platform_fee_share + provider_share = amount);
CREATE INDEX idx_refunds_payment ON refunds (payment_id) WHERE status IN ('awaiting_approval', 'issued');

ALTER TABLE disputes
    ADD COLUMN reason_code text NOT NULL DEFAULT 'other'
        CHECK (reason_code IN ('not_delivered', 'damaged_or_incomplete', 'late', 'poor_quality', 'conduct', 'other')),
    ADD COLUMN note text,
    ADD COLUMN opened_by_login text,
    ADD COLUMN refund_id uuid REFERENCES refunds (id);

-- The queue: unresolved disputes by due time. Partial, so resolved history (the bulk) is not in it.
CREATE INDEX idx_disputes_open_due ON disputes (sla_due_at, id) WHERE status <> 'resolved';

-- The outbox the payment service executes. One row per refund; a retry reuses the row and its key.
CREATE TABLE refund_outbox (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    refund_id         uuid NOT NULL UNIQUE REFERENCES refunds (id),
    idempotency_key   text NOT NULL UNIQUE,
    payment_id        uuid NOT NULL REFERENCES payments (id),
    amount            numeric(10, 2) NOT NULL CHECK (amount > 0),
    currency          text NOT NULL DEFAULT 'USD',
    state             text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'succeeded', 'failed')),
    gateway_reference text,
    failure_reason    text,
    attempts          integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    requested_at      timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    CONSTRAINT refund_outbox_outcome CHECK (
        (state = 'requested' AND completed_at IS NULL)
        OR (state = 'succeeded' AND gateway_reference IS NOT NULL AND completed_at IS NOT NULL)
        OR (state = 'failed' AND failure_reason IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX idx_refund_outbox_requested ON refund_outbox (requested_at, id) WHERE state = 'requested';
GRANT SELECT ON refund_outbox TO tower_admin, tower_ops;
GRANT SELECT (id, refund_id, amount, currency, state, attempts, requested_at, completed_at)
    ON refund_outbox TO tower_analyst;

INSERT INTO ref_codes (id, type_code, parent_id, code, name, level, sort_order) VALUES
    ('refund.duplicate', 'refund_reason', NULL, 'duplicate', '{"en": "Duplicate charge"}', 1, 1),
    ('refund.fraudulent', 'refund_reason', NULL, 'fraudulent', '{"en": "Fraudulent charge"}', 1, 2),
    ('refund.requested_by_customer', 'refund_reason', NULL, 'requested_by_customer', '{"en": "Requested by customer"}', 1, 3),
    ('refund.service_not_delivered', 'refund_reason', NULL, 'service_not_delivered', '{"en": "Service not delivered"}', 1, 4),
    ('refund.other', 'refund_reason', NULL, 'other', '{"en": "Other (see note)"}', 1, 5),
    ('dispute.not_delivered', 'dispute_reason', NULL, 'not_delivered', '{"en": "Not delivered"}', 1, 1),
    ('dispute.damaged_or_incomplete', 'dispute_reason', NULL, 'damaged_or_incomplete', '{"en": "Damaged or incomplete"}', 1, 2),
    ('dispute.late', 'dispute_reason', NULL, 'late', '{"en": "Late"}', 1, 3),
    ('dispute.poor_quality', 'dispute_reason', NULL, 'poor_quality', '{"en": "Poor quality"}', 1, 4),
    ('dispute.conduct', 'dispute_reason', NULL, 'conduct', '{"en": "Provider conduct"}', 1, 5),
    ('dispute.other', 'dispute_reason', NULL, 'other', '{"en": "Other"}', 1, 6);

-- ---------------------------------------------------------------------------------------------
-- Helpers (tower_internal: no staff EXECUTE).

-- A staff member's name for messages.
CREATE FUNCTION tower_internal.staff_name(p_login text)
RETURNS text
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$
    SELECT coalesce((SELECT s.display_name FROM public.staff_members s WHERE s.login = p_login), p_login)
$$;

-- Parses an amount typed by a person: dollars and cents, positive, at most two decimals.
CREATE FUNCTION tower_internal.parse_refund_amount(p_amount text)
RETURNS numeric
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v text := btrim(coalesce(p_amount, ''));
BEGIN
    IF v = '' THEN
        PERFORM tower_internal.fail('refund.amount_required', 'Enter the amount to refund.');
    END IF;
    IF v ~ '^-' THEN
        PERFORM tower_internal.fail('refund.amount_not_positive', format('%s is negative; a refund must be more than 0.00.', v));
    END IF;
    IF v ~ '^\d+\.\d{3,}$' THEN
        PERFORM tower_internal.fail('refund.amount_too_precise',
            format('%s has more than two decimals; give the amount in dollars and cents, such as 12.50.', v));
    END IF;
    IF v !~ '^\d{1,8}(\.\d{1,2})?$' THEN
        PERFORM tower_internal.fail('refund.amount_malformed',
            format('"%s" is not an amount in dollars and cents, such as 12.50.', p_amount));
    END IF;
    IF v::numeric = 0 THEN
        PERFORM tower_internal.fail('refund.amount_not_positive', 'A refund must be more than 0.00.');
    END IF;
    RETURN v::numeric;
END;
$$;

CREATE FUNCTION tower_internal.setting_amount(p_key text)
RETURNS numeric
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $$ SELECT (config_value #>> '{}')::numeric FROM public.system_config WHERE config_key = p_key $$;

-- Applies an issued refund to the money: the payment's and booking's refunded state, the provider's
-- earnings, and the outbox request the payment service will execute.
CREATE FUNCTION tower_internal.apply_issued_refund(p_refund uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    r public.refunds%ROWTYPE;
    captured numeric;
    refunded numeric;
BEGIN
    SELECT * INTO r FROM public.refunds WHERE id = p_refund;
    SELECT amount INTO captured FROM public.payments WHERE id = r.payment_id;
    SELECT coalesce(sum(amount), 0) INTO refunded FROM public.refunds
    WHERE payment_id = r.payment_id AND status = 'issued';
    UPDATE public.payments
    SET status = CASE WHEN refunded >= captured THEN 'refunded' ELSE 'partially_refunded' END, updated_at = now()
    WHERE id = r.payment_id;
    UPDATE public.bookings
    SET payment_status = CASE WHEN refunded >= captured THEN 'refunded' ELSE 'partially_refunded' END::public.payment_status,
        refund_amount = least(refunded, price_total)
    WHERE id = r.booking_id;
    UPDATE public.providers p
    SET total_earnings = p.total_earnings - r.provider_share
    FROM public.bookings b
    WHERE b.id = r.booking_id AND p.id = b.provider_id;
    INSERT INTO public.refund_outbox (refund_id, idempotency_key, payment_id, amount)
    VALUES (r.id, r.idempotency_key, r.payment_id, r.amount);
END;
$$;

-- Records a refund (the one path, used by ops.issue_refund and ops.resolve_dispute).
CREATE FUNCTION tower_internal.record_refund(p_booking uuid, p_amount numeric, p_reason_code text, p_note text,
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
    note text := nullif(btrim(coalesce(p_note, '')), '');
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
    IF note IS NULL THEN
        PERFORM tower_internal.fail('refund.note_required', 'Write a short note saying why the money goes back.');
    END IF;
    IF length(note) > 2000 THEN
        PERFORM tower_internal.fail('refund.note_too_long', 'The note can be at most 2000 characters.');
    END IF;
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

-- ---------------------------------------------------------------------------------------------
-- Refunds (staff).

CREATE FUNCTION ops.issue_refund(p_booking uuid, p_amount text, p_reason_code text, p_note text, p_idempotency_key text)
RETURNS TABLE (refund_id uuid, status text, amount numeric, platform_fee_share numeric, provider_share numeric,
               replayed boolean)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    parsed numeric;
BEGIN
    -- a replay is answered before the amount is judged: the same request twice is never refused
    IF EXISTS (SELECT 1 FROM public.refunds r WHERE r.idempotency_key = btrim(coalesce(p_idempotency_key, ''))) THEN
        parsed := NULL;
    ELSE
        parsed := tower_internal.parse_refund_amount(p_amount);
    END IF;
    RETURN QUERY SELECT * FROM tower_internal.record_refund(p_booking, parsed, p_reason_code, p_note,
                                                           p_idempotency_key, NULL, 'issue_refund');
END;
$$;

-- Approves (issues) or declines a refund that waits for a second pair of eyes.
CREATE FUNCTION ops.decide_refund(p_refund uuid, p_approve boolean, p_note text)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    r public.refunds%ROWTYPE;
    note text := nullif(btrim(coalesce(p_note, '')), '');
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
    IF note IS NULL THEN
        PERFORM tower_internal.fail('refund.note_required', 'Write a short note for the decision.');
    END IF;
    IF length(note) > 2000 THEN
        PERFORM tower_internal.fail('refund.note_too_long', 'The note can be at most 2000 characters.');
    END IF;
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

-- Sends a failed refund to the payment service again, with the same idempotency key.
CREATE FUNCTION ops.retry_refund(p_refund uuid)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    o public.refund_outbox%ROWTYPE;
BEGIN
    SELECT * INTO o FROM public.refund_outbox WHERE refund_id = p_refund FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('refund.not_sent', 'This refund has not been sent to the payment service.');
    END IF;
    IF o.state <> 'failed' THEN
        PERFORM tower_internal.fail('refund.not_failed',
            format('Only a failed refund can be retried; this one is %s.', o.state));
    END IF;
    UPDATE public.refund_outbox
    SET state = 'requested', attempts = attempts + 1, requested_at = now(), completed_at = NULL, failure_reason = NULL
    WHERE id = o.id;
    PERFORM tower_internal.audit('retry_refund', 'refund_outbox', o.id::text, 'UPDATE',
        jsonb_build_object('state', o.state, 'failure_reason', o.failure_reason, 'attempts', o.attempts),
        jsonb_build_object('state', 'requested', 'attempts', o.attempts + 1, 'idempotency_key', o.idempotency_key));
    RETURN o.attempts + 1;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Disputes (staff).

CREATE FUNCTION ops.open_dispute(p_booking uuid, p_expected_version integer, p_reason_code text, p_note text)
RETURNS uuid
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_variable
DECLARE
    note text := nullif(btrim(coalesce(p_note, '')), '');
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
    IF note IS NULL THEN
        PERFORM tower_internal.fail('dispute.note_required', 'Write a short note saying what the dispute is about.');
    END IF;
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

-- Claim (p_assignee = yourself), assign to someone else, or release (NULL). Taking it puts it under review.
CREATE FUNCTION ops.assign_dispute(p_dispute uuid, p_assignee text)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    d public.disputes%ROWTYPE;
    who text := nullif(btrim(coalesce(p_assignee, '')), '');
BEGIN
    SELECT * INTO d FROM public.disputes WHERE id = p_dispute FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('dispute.not_found', format('There is no dispute with id %s.', p_dispute));
    END IF;
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

-- Resolves a dispute once: full refund (what remains), partial refund (an amount) or no refund.
CREATE FUNCTION ops.resolve_dispute(p_dispute uuid, p_resolution text, p_amount text, p_reason_code text,
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
    note text := nullif(btrim(coalesce(p_note, '')), '');
    amount numeric;
    captured numeric;
    reserved numeric;
    v_refund_id uuid;
    v_refund_status text;
    v_refund_amount numeric;
    target public.booking_status;
    provider_user uuid;
BEGIN
    SELECT * INTO d FROM public.disputes WHERE id = p_dispute FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('dispute.not_found', format('There is no dispute with id %s.', p_dispute));
    END IF;
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
    IF note IS NULL THEN
        PERFORM tower_internal.fail('dispute.note_required', 'Write a note explaining the resolution.');
    END IF;
    IF length(note) > 2000 THEN
        PERFORM tower_internal.fail('dispute.note_too_long', 'The note can be at most 2000 characters.');
    END IF;
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

-- ---------------------------------------------------------------------------------------------
-- The payment service boundary. The platform's payment service (role tower_payment_service) takes
-- requested refunds from the outbox and reports each outcome; no staff group can call these.
CREATE SCHEMA payment_service;
REVOKE ALL ON SCHEMA payment_service FROM PUBLIC;
GRANT USAGE ON SCHEMA payment_service TO tower_payment_service;

CREATE FUNCTION payment_service.requested_refunds(p_limit integer)
RETURNS TABLE (outbox_id uuid, idempotency_key text, amount numeric, currency text, charge_reference text,
               attempts integer)
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT o.id, o.idempotency_key, o.amount, o.currency, p.transaction_id, o.attempts
    FROM public.refund_outbox o JOIN public.payments p ON p.id = o.payment_id
    WHERE o.state = 'requested'
    ORDER BY o.requested_at, o.id
    LIMIT least(greatest(coalesce(p_limit, 100), 1), 1000)
    FOR UPDATE OF o SKIP LOCKED
$$;

CREATE FUNCTION payment_service.record_refund_outcome(p_outbox uuid, p_idempotency_key text, p_succeeded boolean,
                                                      p_gateway_reference text, p_failure_reason text)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    o public.refund_outbox%ROWTYPE;
    new_state text := CASE WHEN p_succeeded THEN 'succeeded' ELSE 'failed' END;
BEGIN
    SELECT * INTO o FROM public.refund_outbox WHERE id = p_outbox FOR UPDATE;
    IF NOT FOUND OR o.idempotency_key IS DISTINCT FROM p_idempotency_key THEN
        PERFORM tower_internal.fail('settlement.unknown_request', 'There is no such refund request with that key.');
    END IF;
    IF o.state <> 'requested' THEN
        -- the gateway answered twice for one attempt: keep the first answer
        RETURN o.state;
    END IF;
    IF p_succeeded AND nullif(btrim(coalesce(p_gateway_reference, '')), '') IS NULL THEN
        PERFORM tower_internal.fail('settlement.reference_required', 'A succeeded refund needs the gateway''s reference.');
    END IF;
    IF NOT p_succeeded AND nullif(btrim(coalesce(p_failure_reason, '')), '') IS NULL THEN
        PERFORM tower_internal.fail('settlement.reason_required', 'A failed refund needs the gateway''s reason.');
    END IF;
    UPDATE public.refund_outbox
    SET state = new_state, completed_at = now(),
        gateway_reference = CASE WHEN p_succeeded THEN btrim(p_gateway_reference) ELSE gateway_reference END,
        failure_reason = CASE WHEN p_succeeded THEN NULL ELSE btrim(p_failure_reason) END
    WHERE id = o.id;
    PERFORM tower_internal.audit('record_refund_outcome', 'refund_outbox', o.id::text, 'UPDATE',
        jsonb_build_object('state', o.state, 'attempts', o.attempts),
        jsonb_strip_nulls(jsonb_build_object('state', new_state, 'gateway_reference', p_gateway_reference,
                                             'failure_reason', p_failure_reason)));
    RETURN new_state;
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants and the permission each function needs (FunctionGrantsMatchPermissionMatrixTest).
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT * FROM (VALUES
        ('ops.issue_refund(uuid, text, text, text, text)', 'tower_admin, tower_ops', 'ISSUE_REFUND'),
        ('ops.retry_refund(uuid)', 'tower_admin, tower_ops', 'ISSUE_REFUND'),
        ('ops.decide_refund(uuid, boolean, text)', 'tower_admin', 'APPROVE_LARGE_REFUND'),
        ('ops.open_dispute(uuid, integer, text, text)', 'tower_admin, tower_ops', 'RESOLVE_DISPUTE'),
        ('ops.assign_dispute(uuid, text)', 'tower_admin, tower_ops', 'RESOLVE_DISPUTE'),
        ('ops.resolve_dispute(uuid, text, text, text, text, text)', 'tower_admin, tower_ops', 'RESOLVE_DISPUTE'))
        AS t (sig, grantees, permission) LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f.sig);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %s', f.sig, f.grantees);
        EXECUTE format('COMMENT ON FUNCTION %s IS %L', f.sig, 'permission: ' || f.permission);
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION payment_service.requested_refunds(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION payment_service.record_refund_outcome(uuid, text, boolean, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION payment_service.requested_refunds(integer) TO tower_payment_service;
GRANT EXECUTE ON FUNCTION payment_service.record_refund_outcome(uuid, text, boolean, text, text) TO tower_payment_service;
REVOKE ALL ON FUNCTION tower_internal.staff_name(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_internal.parse_refund_amount(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_internal.setting_amount(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_internal.apply_issued_refund(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION tower_internal.record_refund(uuid, numeric, text, text, text, uuid, text) FROM PUBLIC;
