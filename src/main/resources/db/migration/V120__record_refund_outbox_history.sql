-- Each refund's life at the payment service, attempt by attempt (issue 12 review). refund_outbox holds only
-- the current attempt: a retry overwrites the failure reason and the request time, so the booking timeline
-- could not show that a refund failed, why, and that it was sent again. A trigger on the outbox writes one
-- row for every state an attempt reaches (requested, then succeeded or failed); nothing else writes here
-- except the demo generator, which loads with triggers off and writes the rows itself (70_disputes.sql).

CREATE TABLE refund_outbox_events (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id         uuid NOT NULL REFERENCES refund_outbox (id),
    refund_id         uuid NOT NULL REFERENCES refunds (id),
    attempt           integer NOT NULL CHECK (attempt >= 1),
    state             text NOT NULL CHECK (state IN ('requested', 'succeeded', 'failed')),
    gateway_reference text,
    failure_reason    text,
    -- the login whose action it was: the staff member who issued, approved or retried the refund, or the
    -- payment service's login for an outcome
    recorded_by       text NOT NULL,
    at                timestamptz NOT NULL,
    CONSTRAINT refund_outbox_events_outcome CHECK (
        (state = 'requested' AND gateway_reference IS NULL AND failure_reason IS NULL)
        OR (state = 'succeeded' AND gateway_reference IS NOT NULL AND failure_reason IS NULL)
        OR (state = 'failed' AND failure_reason IS NOT NULL))
);
-- the booking timeline reads a booking's refunds by idx_refunds_booking, then their events by this
CREATE INDEX idx_refund_outbox_events_refund ON refund_outbox_events (refund_id, at, id);
GRANT SELECT ON refund_outbox_events TO tower_admin, tower_ops;
-- as on refund_outbox: analysts see that refunds settle, not the gateway's references or reasons
GRANT SELECT (id, outbox_id, refund_id, attempt, state, at) ON refund_outbox_events TO tower_analyst;

-- Runs inside the SECURITY DEFINER functions that alone write the outbox (apply_issued_refund,
-- ops.retry_refund, payment_service.record_refund_outcome), so it needs no rights of its own; session_user
-- is still the login that called them.
CREATE FUNCTION tower_internal.record_refund_outbox_event()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.attempts IS DISTINCT FROM OLD.attempts OR NEW.state IS DISTINCT FROM OLD.state THEN
        IF TG_OP = 'INSERT' OR NEW.state = 'requested' THEN
            INSERT INTO public.refund_outbox_events (outbox_id, refund_id, attempt, state, recorded_by, at)
            VALUES (NEW.id, NEW.refund_id, NEW.attempts, 'requested', session_user, NEW.requested_at);
        END IF;
        IF NEW.state <> 'requested' THEN
            INSERT INTO public.refund_outbox_events (outbox_id, refund_id, attempt, state, gateway_reference,
                                                     failure_reason, recorded_by, at)
            VALUES (NEW.id, NEW.refund_id, NEW.attempts, NEW.state,
                    CASE WHEN NEW.state = 'succeeded' THEN NEW.gateway_reference END,
                    CASE WHEN NEW.state = 'failed' THEN NEW.failure_reason END,
                    session_user, coalesce(NEW.completed_at, now()));
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION tower_internal.record_refund_outbox_event() FROM PUBLIC;

CREATE TRIGGER refund_outbox_history
    AFTER INSERT OR UPDATE OF state, attempts ON refund_outbox
    FOR EACH ROW EXECUTE FUNCTION tower_internal.record_refund_outbox_event();

-- What is already in the outbox: its current attempt (earlier attempts of a retried refund were overwritten
-- before this table existed; their outcomes are in the audit log).
INSERT INTO refund_outbox_events (outbox_id, refund_id, attempt, state, recorded_by, at)
SELECT o.id, o.refund_id, o.attempts, 'requested', coalesce(r.approved_by, r.requested_by, 'unknown'), o.requested_at
FROM refund_outbox o JOIN refunds r ON r.id = o.refund_id;
INSERT INTO refund_outbox_events (outbox_id, refund_id, attempt, state, gateway_reference, failure_reason, recorded_by, at)
SELECT o.id, o.refund_id, o.attempts, o.state, CASE WHEN o.state = 'succeeded' THEN o.gateway_reference END,
       o.failure_reason, 'payment_service', o.completed_at
FROM refund_outbox o
WHERE o.state <> 'requested';
