-- People: SkyMarket's profiles (000) carrying JinBean's users status and verification flags (001),
-- plus JinBean's per-person tables. One row per auth.users id.

CREATE TYPE user_role AS ENUM ('consumer', 'provider', 'admin');
CREATE TYPE provider_type AS ENUM ('courier', 'drone');
CREATE TYPE service_category AS ENUM ('food_delivery', 'courier', 'aerial_imaging', 'site_mapping');
-- 000's booking states plus 001's 'disputed'; legal moves live in booking_status_transitions.
CREATE TYPE booking_status AS ENUM ('pending', 'accepted', 'in_progress', 'completed', 'cancelled', 'disputed');
-- 000's payment states plus 001's 'processing' and the partial refunds Tower issues.
CREATE TYPE payment_status AS ENUM ('pending', 'processing', 'paid', 'failed', 'refunded', 'partially_refunded');

CREATE TABLE profiles (
    id             uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    created_at     timestamptz DEFAULT now(),
    updated_at     timestamptz DEFAULT now(),
    email          text UNIQUE NOT NULL,
    full_name      text,
    phone          text,
    address        text,
    avatar_url     text,
    role           user_role DEFAULT 'consumer',
    detroit_zone   text,
    -- from 001 users
    status         text NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'inactive', 'suspended', 'banned')),
    email_verified boolean NOT NULL DEFAULT false,
    phone_verified boolean NOT NULL DEFAULT false
);
CREATE INDEX idx_profiles_email ON profiles (email);
CREATE INDEX idx_profiles_role ON profiles (role);
CREATE INDEX idx_profiles_detroit_zone ON profiles (detroit_zone);
CREATE INDEX idx_users_status ON profiles (status);
CREATE INDEX idx_users_created_at ON profiles (created_at);

CREATE TABLE user_profiles (
    id                       uuid PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    display_name             text,
    bio                      text,
    date_of_birth            date,
    gender                   text CHECK (gender IN ('male', 'female', 'other', 'prefer_not_to_say')),
    preferred_language       text DEFAULT 'en',
    timezone                 text DEFAULT 'UTC',
    notification_preferences jsonb DEFAULT '{}',
    created_at               timestamptz DEFAULT now(),
    updated_at               timestamptz DEFAULT now()
);
CREATE INDEX idx_user_profiles_display_name ON user_profiles (display_name);
CREATE INDEX idx_user_profiles_preferred_language ON user_profiles (preferred_language);

CREATE TABLE user_settings (
    id                   uuid PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    theme                text DEFAULT 'system' CHECK (theme IN ('light', 'dark', 'system')),
    language             text DEFAULT 'en',
    notification_enabled boolean DEFAULT true,
    email_notification   boolean DEFAULT true,
    sms_notification     boolean DEFAULT false,
    push_notification    boolean DEFAULT true,
    privacy_settings     jsonb DEFAULT '{}',
    created_at           timestamptz DEFAULT now(),
    updated_at           timestamptz DEFAULT now()
);
CREATE INDEX idx_user_settings_theme ON user_settings (theme);
CREATE INDEX idx_user_settings_language ON user_settings (language);

CREATE TABLE customer_profiles (
    id                  uuid PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    preferred_services  text[] DEFAULT '{}',
    preferred_providers uuid[] DEFAULT '{}',
    address_book        jsonb DEFAULT '[]',
    payment_methods     jsonb DEFAULT '[]',
    loyalty_points      integer DEFAULT 0,
    total_orders        integer DEFAULT 0,
    total_spent         numeric(10, 2) DEFAULT 0.00,
    created_at          timestamptz DEFAULT now(),
    updated_at          timestamptz DEFAULT now()
);
CREATE INDEX idx_customer_profiles_preferred_services ON customer_profiles USING gin (preferred_services);
CREATE INDEX idx_customer_profiles_preferred_providers ON customer_profiles USING gin (preferred_providers);

CREATE TABLE customer_preferences (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id      uuid NOT NULL REFERENCES customer_profiles (id) ON DELETE CASCADE,
    preference_type  text NOT NULL,
    preference_key   text NOT NULL,
    preference_value jsonb,
    created_at       timestamptz DEFAULT now(),
    updated_at       timestamptz DEFAULT now(),
    UNIQUE (customer_id, preference_type, preference_key)
);
CREATE INDEX idx_customer_preferences_customer_id ON customer_preferences (customer_id);
CREATE INDEX idx_customer_preferences_type_key ON customer_preferences (preference_type, preference_key);
