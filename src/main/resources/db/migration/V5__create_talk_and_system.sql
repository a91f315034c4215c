-- Talk (000): reviews and messages; notifications from 001's diagram.
CREATE TABLE reviews (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at  timestamptz DEFAULT now(),
    booking_id  uuid UNIQUE NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    reviewer_id uuid NOT NULL REFERENCES profiles (id),
    reviewed_id uuid NOT NULL REFERENCES profiles (id),
    rating      integer NOT NULL CHECK (rating >= 1 AND rating <= 5),
    comment     text,
    CHECK (reviewer_id != reviewed_id)
);
CREATE INDEX idx_reviews_booking_id ON reviews (booking_id);
CREATE INDEX idx_reviews_reviewer_id ON reviews (reviewer_id);
CREATE INDEX idx_reviews_reviewed_id ON reviews (reviewed_id);

CREATE TABLE messages (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at   timestamptz DEFAULT now(),
    booking_id   uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    sender_id    uuid NOT NULL REFERENCES profiles (id),
    recipient_id uuid NOT NULL REFERENCES profiles (id),
    content      text NOT NULL,
    read         boolean DEFAULT false
);
CREATE INDEX idx_messages_booking_id ON messages (booking_id);
CREATE INDEX idx_messages_sender_id ON messages (sender_id);
CREATE INDEX idx_messages_recipient_id ON messages (recipient_id);
CREATE INDEX idx_messages_read ON messages (read);
-- a booking's thread is read in order
CREATE INDEX idx_messages_booking_thread ON messages (booking_id, created_at, id);

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    type       text NOT NULL,
    title      text NOT NULL,
    body       text,
    data       jsonb DEFAULT '{}',
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_notifications_user_unread ON notifications (user_id, created_at DESC) WHERE read_at IS NULL;

-- System (001).
CREATE TABLE ref_codes (
    id         text PRIMARY KEY,
    type_code  text NOT NULL,
    parent_id  text REFERENCES ref_codes (id),
    code       text NOT NULL,
    name       jsonb NOT NULL,
    level      integer DEFAULT 1,
    status     integer DEFAULT 1 CHECK (status IN (0, 1)),
    sort_order integer DEFAULT 0,
    extra_data jsonb DEFAULT '{}',
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now()
);
CREATE INDEX idx_ref_codes_type_code ON ref_codes (type_code);
CREATE INDEX idx_ref_codes_parent_id ON ref_codes (parent_id);
CREATE INDEX idx_ref_codes_level ON ref_codes (level);
CREATE INDEX idx_ref_codes_status ON ref_codes (status);
CREATE INDEX idx_ref_codes_sort_order ON ref_codes (sort_order);

-- Service categories as 001's two-level ref codes, level 1 matching 000's service_category enum.
INSERT INTO ref_codes (id, type_code, parent_id, code, name, level, sort_order) VALUES
    ('cat.food_delivery', 'service_category', NULL, 'food_delivery', '{"en": "Food delivery"}', 1, 1),
    ('cat.courier', 'service_category', NULL, 'courier', '{"en": "Courier"}', 1, 2),
    ('cat.aerial_imaging', 'service_category', NULL, 'aerial_imaging', '{"en": "Aerial imaging"}', 1, 3),
    ('cat.site_mapping', 'service_category', NULL, 'site_mapping', '{"en": "Site mapping"}', 1, 4),
    ('cat.food_delivery.restaurant', 'service_category', 'cat.food_delivery', 'restaurant', '{"en": "Restaurant orders"}', 2, 1),
    ('cat.food_delivery.grocery', 'service_category', 'cat.food_delivery', 'grocery', '{"en": "Groceries"}', 2, 2),
    ('cat.courier.same_day', 'service_category', 'cat.courier', 'same_day', '{"en": "Same-day parcels"}', 2, 1),
    ('cat.courier.documents', 'service_category', 'cat.courier', 'documents', '{"en": "Legal documents"}', 2, 2),
    ('cat.aerial_imaging.real_estate', 'service_category', 'cat.aerial_imaging', 'real_estate', '{"en": "Real-estate photos"}', 2, 1),
    ('cat.aerial_imaging.events', 'service_category', 'cat.aerial_imaging', 'events', '{"en": "Events"}', 2, 2),
    ('cat.site_mapping.construction', 'service_category', 'cat.site_mapping', 'construction', '{"en": "Construction progress"}', 2, 1),
    ('cat.site_mapping.roof', 'service_category', 'cat.site_mapping', 'roof', '{"en": "Roof inspection"}', 2, 2);

CREATE TABLE system_config (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_key   text UNIQUE NOT NULL,
    config_value jsonb NOT NULL,
    description  text,
    is_active    boolean DEFAULT true,
    created_at   timestamptz DEFAULT now(),
    updated_at   timestamptz DEFAULT now()
);
CREATE INDEX idx_system_config_key ON system_config (config_key);
CREATE INDEX idx_system_config_active ON system_config (is_active);

-- Values the workflows read. Money is kept as a decimal string, never a JSON float.
INSERT INTO system_config (config_key, config_value, description) VALUES
    ('refund.second_approval_above', '"200.00"',
     'Refunds above this amount (USD) need an admin''s approval before they are issued.'),
    ('dispute.sla_hours', '48', 'Hours ops have to resolve a dispute after it is opened.'),
    ('platform.fee_percent', '"12.50"', 'Platform fee taken from each booking, in percent.');

-- 001's audit_logs with the columns a staff console needs: the staff action's name, the real
-- login behind it, and a hash chain (filled by the audit writer) that makes edits detectable.
CREATE TABLE audit_logs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    table_name  text NOT NULL,
    record_id   text NOT NULL,
    action      text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    old_values  jsonb,
    new_values  jsonb,
    user_id     uuid REFERENCES auth.users (id),
    ip_address  inet,
    user_agent  text,
    created_at  timestamptz DEFAULT now(),
    -- position in the hash chain: assigned under the chain lock by the audit trigger, so it
    -- follows commit order (an identity would be handed out before the lock and could interleave)
    seq         bigint NOT NULL UNIQUE,
    action_name text,
    actor_login text NOT NULL DEFAULT session_user,
    prev_hash   text,
    row_hash    text
);
CREATE INDEX idx_audit_logs_table_name ON audit_logs (table_name);
CREATE INDEX idx_audit_logs_record_id ON audit_logs (record_id);
CREATE INDEX idx_audit_logs_action ON audit_logs (action);
CREATE INDEX idx_audit_logs_user_id ON audit_logs (user_id);
CREATE INDEX idx_audit_logs_created_at ON audit_logs (created_at);
CREATE INDEX idx_audit_logs_actor_seq ON audit_logs (actor_login, seq DESC);
CREATE INDEX idx_audit_logs_action_name_seq ON audit_logs (action_name, seq DESC);

-- Which PostgreSQL login is which staff member. The login's group role is the truth for what they
-- may do; role_group here is the label the console shows and is kept in step by the staff functions.
CREATE TABLE staff_members (
    login        text PRIMARY KEY CHECK (login ~ '^[a-z_][a-z0-9_]{2,62}$'),
    display_name text NOT NULL CHECK (btrim(display_name) <> ''),
    role_group   text NOT NULL CHECK (role_group IN ('tower_admin', 'tower_ops', 'tower_analyst')),
    disabled     boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL DEFAULT session_user,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- When each materialized view was last refreshed, by whom, and how long it took.
CREATE TABLE mv_refresh_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    view_name    text NOT NULL,
    refreshed_at timestamptz NOT NULL DEFAULT now(),
    refreshed_by text NOT NULL DEFAULT session_user,
    duration_ms  integer NOT NULL CHECK (duration_ms >= 0),
    was_concurrent boolean NOT NULL
);
CREATE INDEX idx_mv_refresh_log_view ON mv_refresh_log (view_name, refreshed_at DESC);

-- 001's application cache and analytics events.
CREATE TABLE cache_store (
    cache_key   text PRIMARY KEY,
    cache_value jsonb NOT NULL,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz DEFAULT now()
);
CREATE INDEX idx_cache_store_expires_at ON cache_store (expires_at);

CREATE TABLE analytics_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid REFERENCES profiles (id) ON DELETE SET NULL,
    event_name  text NOT NULL,
    properties  jsonb DEFAULT '{}',
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_analytics_events_name_time ON analytics_events (event_name, occurred_at);
