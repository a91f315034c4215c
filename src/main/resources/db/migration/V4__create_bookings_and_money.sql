-- Bookings: SkyMarket's bookings (000) with JinBean's order fields (001): order number, fees, tax,
-- actual times, notes, cancellation reason, refunded amount.

CREATE SEQUENCE booking_order_number_seq;

CREATE TABLE bookings (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at           timestamptz DEFAULT now(),
    updated_at           timestamptz DEFAULT now(),
    consumer_id          uuid NOT NULL REFERENCES profiles (id),
    provider_id          uuid NOT NULL REFERENCES providers (id),
    listing_id           uuid NOT NULL REFERENCES listings (id),
    status               booking_status NOT NULL DEFAULT 'pending',
    scheduled_at         timestamptz NOT NULL,
    pickup_address       text,
    pickup_lat           numeric(10, 8),
    pickup_lng           numeric(11, 8),
    dropoff_address      text NOT NULL,
    dropoff_lat          numeric(10, 8) NOT NULL,
    dropoff_lng          numeric(11, 8) NOT NULL,
    special_instructions text,
    price_total          numeric(10, 2) NOT NULL,
    payment_intent_id    text,
    payment_status       payment_status DEFAULT 'pending',
    -- from 001 orders
    order_number         text NOT NULL UNIQUE
                         DEFAULT 'SM-' || lpad(nextval('booking_order_number_seq')::text, 8, '0'),
    service_price        numeric(10, 2) NOT NULL DEFAULT 0.00,
    platform_fee         numeric(10, 2) NOT NULL DEFAULT 0.00,
    tax_amount           numeric(10, 2) NOT NULL DEFAULT 0.00,
    scheduled_end_at     timestamptz,
    actual_start_at      timestamptz,
    actual_end_at        timestamptz,
    customer_notes       text,
    provider_notes       text,
    cancellation_reason  text,
    refund_amount        numeric(10, 2) NOT NULL DEFAULT 0.00,
    -- which service area the job is in (analytics by area; staff filters)
    service_area_id      uuid REFERENCES service_areas (id),
    CONSTRAINT booking_dropoff_coords CHECK (dropoff_lat IS NOT NULL AND dropoff_lng IS NOT NULL),
    CONSTRAINT chk_orders_price_positive CHECK (price_total >= 0 AND service_price >= 0),
    CONSTRAINT bookings_fees_not_negative CHECK (platform_fee >= 0 AND tax_amount >= 0),
    CONSTRAINT bookings_refund_within_total CHECK (refund_amount >= 0 AND refund_amount <= price_total),
    CONSTRAINT bookings_actual_times_ordered CHECK (actual_end_at IS NULL OR actual_start_at IS NULL
                                                    OR actual_end_at >= actual_start_at)
    -- 000's CHECK (scheduled_at > NOW()) is not immutable: it would make every historical booking
    -- (and any dump of them) unloadable. It is enforced for end users' inserts by a trigger instead.
);
-- 000
CREATE INDEX idx_bookings_consumer_id ON bookings (consumer_id);
CREATE INDEX idx_bookings_provider_id ON bookings (provider_id);
CREATE INDEX idx_bookings_listing_id ON bookings (listing_id);
CREATE INDEX idx_bookings_status ON bookings (status);
CREATE INDEX idx_bookings_scheduled_at ON bookings (scheduled_at);
CREATE INDEX idx_bookings_provider_status ON bookings (provider_id, status);
CREATE INDEX idx_bookings_provider_status_scheduled ON bookings (provider_id, status, scheduled_at)
    WHERE status IN ('pending', 'accepted');
-- 001 (named after orders, whose columns they index)
CREATE INDEX idx_orders_payment_status ON bookings (payment_status);
CREATE INDEX idx_orders_created_at ON bookings (created_at);
CREATE INDEX idx_orders_composite_status_date ON bookings (status, created_at);
CREATE INDEX idx_orders_composite_customer_status ON bookings (consumer_id, status);
CREATE INDEX idx_orders_pending ON bookings (id, provider_id, scheduled_at) WHERE status = 'pending';
-- console queues: newest first, keyset by (created_at, id); history of one consumer
CREATE INDEX idx_bookings_created_id ON bookings (created_at DESC, id DESC);
CREATE INDEX idx_bookings_status_created_id ON bookings (status, created_at DESC, id DESC);
CREATE INDEX idx_bookings_consumer_created ON bookings (consumer_id, created_at DESC);
CREATE INDEX idx_bookings_area_created ON bookings (service_area_id, created_at);

-- 000's retention strategy archives old bookings into a table shaped like bookings.
CREATE TABLE bookings_archive (LIKE bookings INCLUDING ALL);

-- The state machine: 000's diagram plus 'disputed'. A dispute can be opened on a job that is under
-- way or done; resolving it completes the booking (no or partial refund) or cancels it (full refund).
CREATE TABLE booking_status_transitions (
    from_status booking_status NOT NULL,
    to_status   booking_status NOT NULL,
    PRIMARY KEY (from_status, to_status),
    CHECK (from_status <> to_status)
);
INSERT INTO booking_status_transitions (from_status, to_status) VALUES
    ('pending', 'accepted'),
    ('pending', 'cancelled'),
    ('accepted', 'in_progress'),
    ('accepted', 'cancelled'),
    ('in_progress', 'completed'),
    ('in_progress', 'cancelled'),
    ('in_progress', 'disputed'),
    ('completed', 'disputed'),
    ('disputed', 'completed'),
    ('disputed', 'cancelled');

CREATE TABLE booking_status_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    from_status booking_status,
    to_status   booking_status NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  text NOT NULL DEFAULT session_user,
    note        text
);
CREATE INDEX idx_booking_status_history_booking ON booking_status_history (booking_id, changed_at, id);

CREATE TABLE order_items (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    service_id  uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
    quantity    integer DEFAULT 1 CHECK (quantity > 0),
    unit_price  numeric(10, 2) NOT NULL CHECK (unit_price >= 0),
    total_price numeric(10, 2) NOT NULL CHECK (total_price >= 0),
    description text,
    created_at  timestamptz DEFAULT now()
);
CREATE INDEX idx_order_items_order_id ON order_items (order_id);
CREATE INDEX idx_order_items_service_id ON order_items (service_id);

-- Money. payments is 001's table keyed to the booking; refunds are new.
CREATE TABLE payments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id         uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    payment_method   text NOT NULL,
    payment_provider text NOT NULL,
    transaction_id   text,
    amount           numeric(10, 2) NOT NULL CHECK (amount >= 0),
    currency         text DEFAULT 'USD',
    status           text DEFAULT 'pending'
                     CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'refunded', 'partially_refunded')),
    gateway_response jsonb,
    created_at       timestamptz DEFAULT now(),
    updated_at       timestamptz DEFAULT now()
);
CREATE INDEX idx_payments_order_id ON payments (order_id);
CREATE INDEX idx_payments_transaction_id ON payments (transaction_id);
CREATE INDEX idx_payments_status ON payments (status);
CREATE INDEX idx_payments_created_at ON payments (created_at);

CREATE TABLE refunds (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id      uuid NOT NULL REFERENCES bookings (id),
    payment_id      uuid REFERENCES payments (id),
    amount          numeric(10, 2) NOT NULL CHECK (amount > 0),
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    -- the same request sent twice (double click, retry after a lost connection) refunds once
    idempotency_key text NOT NULL UNIQUE CHECK (btrim(idempotency_key) <> ''),
    status          text NOT NULL DEFAULT 'issued'
                    CHECK (status IN ('awaiting_approval', 'issued', 'rejected')),
    requested_by    text NOT NULL DEFAULT session_user,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    approved_by     text,
    decided_at      timestamptz,
    CONSTRAINT refunds_four_eyes CHECK (approved_by IS NULL OR approved_by <> requested_by)
);
CREATE INDEX idx_refunds_booking ON refunds (booking_id);
CREATE INDEX idx_refunds_awaiting ON refunds (requested_at, id) WHERE status = 'awaiting_approval';

CREATE TABLE disputes (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id      uuid NOT NULL REFERENCES bookings (id),
    opened_by       uuid REFERENCES profiles (id),
    reason          text NOT NULL CHECK (btrim(reason) <> ''),
    status          text NOT NULL DEFAULT 'opened' CHECK (status IN ('opened', 'under_review', 'resolved')),
    resolution      text CHECK (resolution IN ('full_refund', 'partial_refund', 'no_refund')),
    resolution_note text,
    assigned_to     text,
    opened_at       timestamptz NOT NULL DEFAULT now(),
    sla_due_at      timestamptz NOT NULL,
    reviewed_at     timestamptz,
    resolved_at     timestamptz,
    resolved_by     text,
    CONSTRAINT disputes_resolution_iff_resolved
        CHECK ((status = 'resolved') = (resolution IS NOT NULL)
           AND (status = 'resolved') = (resolved_at IS NOT NULL)),
    CONSTRAINT disputes_sla_after_open CHECK (sla_due_at > opened_at)
);
-- at most one dispute open per booking
CREATE UNIQUE INDEX uq_disputes_one_open_per_booking ON disputes (booking_id) WHERE status <> 'resolved';
CREATE INDEX idx_disputes_queue ON disputes (status, sla_due_at, id);
