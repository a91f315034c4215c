-- Providers: SkyMarket's providers (000) with JinBean's provider_profiles business fields,
-- certification status and counters (001) in the same row, so `verified` and
-- `certification_status` can be kept in agreement by a constraint instead of by hope.

CREATE TABLE service_areas (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         text NOT NULL,
    center_lat   numeric(10, 8) NOT NULL,
    center_lng   numeric(11, 8) NOT NULL,
    radius_miles integer NOT NULL,
    -- providers.service_areas holds area names (000), so names must be unique and non-blank.
    CONSTRAINT service_areas_name_unique UNIQUE (name),
    CONSTRAINT service_areas_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT service_areas_center_valid CHECK (center_lat BETWEEN -90 AND 90 AND center_lng BETWEEN -180 AND 180),
    CONSTRAINT service_areas_radius_positive CHECK (radius_miles > 0)
);

INSERT INTO service_areas (name, center_lat, center_lng, radius_miles) VALUES
  ('Downtown Detroit', 42.3314, -83.0458, 5),
  ('Midtown Detroit', 42.3564, -83.0666, 3),
  ('Corktown', 42.3316, -83.0625, 2),
  ('Royal Oak', 42.4895, -83.1446, 4),
  ('Birmingham', 42.5468, -83.2113, 3),
  ('Dearborn', 42.3223, -83.1763, 5),
  ('Grosse Pointe', 42.3861, -82.9116, 3),
  ('Ferndale', 42.4604, -83.1345, 2);

CREATE TABLE providers (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                uuid UNIQUE NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    created_at             timestamptz DEFAULT now(),
    updated_at             timestamptz DEFAULT now(),
    type                   provider_type NOT NULL,
    certifications         text[] DEFAULT '{}',
    service_areas          text[] DEFAULT '{}',
    rating                 numeric(3, 2) DEFAULT 0.00,
    completed_jobs         integer DEFAULT 0,
    verified               boolean DEFAULT false,
    -- from 001 provider_profiles (NOT NULL there; nullable here because 000's apps create
    -- providers without a business name: views fall back to the person's name)
    business_name          text,
    business_description   text,
    business_phone         text,
    business_email         text,
    business_address       text,
    business_website       text,
    service_categories     text[] DEFAULT '{}',
    certification_status   text NOT NULL DEFAULT 'pending'
                           CHECK (certification_status IN ('pending', 'verified', 'rejected')),
    verification_documents text[] DEFAULT '{}',
    is_active              boolean NOT NULL DEFAULT true,
    review_count           integer NOT NULL DEFAULT 0,
    total_orders           integer NOT NULL DEFAULT 0,
    total_earnings         numeric(12, 2) NOT NULL DEFAULT 0.00,
    bank_account_info      jsonb,
    tax_info               jsonb,
    CONSTRAINT providers_rating_range CHECK (rating BETWEEN 0 AND 5),
    CONSTRAINT providers_verified_matches_certification
        CHECK (coalesce(verified, false) = (certification_status = 'verified'))
);
-- 000
CREATE INDEX idx_providers_user_id ON providers (user_id);
CREATE INDEX idx_providers_type ON providers (type);
CREATE INDEX idx_providers_verified ON providers (verified);
CREATE INDEX idx_providers_rating ON providers (rating DESC);
CREATE INDEX idx_providers_verified_rating ON providers (verified, rating DESC) WHERE verified = true;
-- 001 (named after provider_profiles, whose columns they index)
CREATE INDEX idx_provider_profiles_business_name ON providers (business_name);
CREATE INDEX idx_provider_profiles_certification_status ON providers (certification_status);
CREATE INDEX idx_provider_profiles_is_active ON providers (is_active);
CREATE INDEX idx_provider_profiles_service_areas ON providers USING gin (service_areas);
CREATE INDEX idx_provider_profiles_service_categories ON providers USING gin (service_categories);
CREATE INDEX idx_provider_profiles_active ON providers (id, business_name, rating) WHERE is_active = true;
-- the verification queue is read oldest-first by status
CREATE INDEX idx_providers_certification_queue ON providers (certification_status, created_at, id);

CREATE TABLE provider_schedules (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_id          uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    day_of_week          integer NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    start_time           time NOT NULL,
    end_time             time NOT NULL,
    is_available         boolean DEFAULT true,
    break_start_time     time,
    break_end_time       time,
    max_bookings_per_day integer DEFAULT 10,
    created_at           timestamptz DEFAULT now(),
    updated_at           timestamptz DEFAULT now(),
    UNIQUE (provider_id, day_of_week),
    CONSTRAINT chk_schedules_time_valid CHECK (start_time < end_time)
);
CREATE INDEX idx_provider_schedules_provider_id ON provider_schedules (provider_id);
CREATE INDEX idx_provider_schedules_day_of_week ON provider_schedules (day_of_week);
CREATE INDEX idx_provider_schedules_is_available ON provider_schedules (is_available);

-- Catalogue: SkyMarket's listings (000) with JinBean's provider_services fields (001).
CREATE TABLE listings (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at           timestamptz DEFAULT now(),
    updated_at           timestamptz DEFAULT now(),
    provider_id          uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    title                text NOT NULL,
    description          text,
    category             service_category NOT NULL,
    price_base           numeric(10, 2) NOT NULL,
    price_per_mile       numeric(10, 2),
    price_per_minute     numeric(10, 2),
    service_radius_miles integer DEFAULT 10,
    active               boolean DEFAULT true,
    images               text[] DEFAULT '{}',
    -- from 001 provider_services
    category_level1_id   text,
    category_level2_id   text,
    pricing_type         text DEFAULT 'fixed' CHECK (pricing_type IN ('fixed', 'hourly', 'daily', 'negotiable')),
    currency             text DEFAULT 'USD',
    duration_minutes     integer,
    availability         jsonb DEFAULT '{}',
    tags                 text[] DEFAULT '{}',
    average_rating       numeric(3, 2) DEFAULT 0.00,
    review_count         integer DEFAULT 0,
    order_count          integer DEFAULT 0,
    search_vector        tsvector,
    CONSTRAINT listings_prices_not_negative
        CHECK (price_base >= 0 AND coalesce(price_per_mile, 0) >= 0 AND coalesce(price_per_minute, 0) >= 0)
);
-- 000
CREATE INDEX idx_listings_provider_id ON listings (provider_id);
CREATE INDEX idx_listings_category ON listings (category);
CREATE INDEX idx_listings_active ON listings (active);
CREATE INDEX idx_listings_category_active ON listings (category, active);
CREATE INDEX idx_listings_search ON listings
    USING gin (to_tsvector('english', title || ' ' || coalesce(description, '')));
CREATE INDEX idx_listings_category_active_rating ON listings (category, active)
    INCLUDE (price_base) WHERE active = true;
-- 001
CREATE INDEX idx_provider_services_category ON listings (category_level1_id, category_level2_id);
CREATE INDEX idx_provider_services_price ON listings (price_base);
CREATE INDEX idx_provider_services_rating ON listings (average_rating);
CREATE INDEX idx_provider_services_tags ON listings USING gin (tags);
CREATE INDEX idx_provider_services_search ON listings USING gin (search_vector);

-- Verification documents (new: 001 keeps only a text[] of URLs). File bytes are stored once per
-- content hash, so the same file uploaded twice costs one copy and every document row can prove
-- its bytes are the ones that were reviewed.
CREATE TABLE document_files (
    sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content    bytea NOT NULL,
    byte_size  integer GENERATED ALWAYS AS (octet_length(content)) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT document_files_hash_matches CHECK (sha256 = encode(sha256(content), 'hex')),
    CONSTRAINT document_files_size_limit CHECK (octet_length(content) BETWEEN 1 AND 20 * 1024 * 1024)
);

CREATE TABLE provider_documents (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider_id  uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('drivers_licence', 'insurance', 'faa_part_107', 'business_licence',
                                               'vehicle_registration', 'background_check', 'identity')),
    file_name    text NOT NULL CHECK (btrim(file_name) <> ''),
    content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    sha256       text NOT NULL REFERENCES document_files (sha256),
    expires_on   date,
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    decision     text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'rejected')),
    reviewed_by  text,
    reviewed_at  timestamptz,
    review_note  text,
    CONSTRAINT provider_documents_review_complete
        CHECK ((decision = 'pending') = (reviewed_at IS NULL) AND (decision = 'pending') = (reviewed_by IS NULL)),
    CONSTRAINT provider_documents_rejection_explained
        CHECK (decision <> 'rejected' OR nullif(btrim(review_note), '') IS NOT NULL)
);
CREATE INDEX idx_provider_documents_provider ON provider_documents (provider_id, kind);
CREATE INDEX idx_provider_documents_pending ON provider_documents (uploaded_at, id) WHERE decision = 'pending';
CREATE INDEX idx_provider_documents_sha256 ON provider_documents (sha256);
