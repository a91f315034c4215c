-- Demo data, step 2: providers' plan and people (auth.users, profiles and the per-person tables).
-- Person n = 1..${customers} are customers; person ${customers} + i is the owner of provider i.

-- @step provider-plan
CREATE TEMP TABLE demo_provider ON COMMIT DROP AS
WITH b AS (
    SELECT i,
           CASE WHEN pg_temp.u(i, 301) < 0.68 THEN 'courier' ELSE 'drone' END AS family,
           CASE WHEN pg_temp.u(i, 302) < 0.76 THEN 'verified'
                WHEN pg_temp.u(i, 302) < 0.90 THEN 'pending'
                ELSE 'rejected' END AS cert,
           width_bucket(pg_temp.u(i, 303), w.zone_cum) + 1 AS z,
           pg_temp.u(i, 304) AS r_active,
           pg_temp.u(i, 305) AS r_created,
           pg_temp.u(i, 306) AS r_areas,
           pg_temp.pick(w.first_names, ${customers} + i, 101) AS first_name,
           pg_temp.pick(w.last_names, ${customers} + i, 102) AS last_name,
           w.zone_count
    FROM generate_series(1, ${providers}) AS i
    CROSS JOIN demo_w w
), c AS (
    SELECT b.*,
           least(b.zone_count, CASE WHEN b.family = 'courier' THEN 1 + floor(3 * b.r_areas)::int
                                    ELSE 2 + floor(4 * b.r_areas)::int END) AS n_areas,
           CASE b.cert WHEN 'verified' THEN b.r_active < 0.96 WHEN 'pending' THEN true ELSE b.r_active < 0.35 END
               AS is_active,
           CASE b.cert
               WHEN 'verified' THEN ${as_of} - interval '1 day' * (380 + 700 * b.r_created)
               WHEN 'pending' THEN ${as_of} - interval '1 minute' * (30 + 43170 * b.r_created)
               ELSE ${as_of} - interval '1 day' * (20 + 300 * b.r_created) END AS created_at
    FROM b
)
SELECT c.i,
       pg_temp.uid('provider', c.i) AS id,
       ${customers} + c.i AS person_n,
       pg_temp.uid('person', ${customers} + c.i) AS user_id,
       c.family,
       c.family::provider_type AS type,
       c.cert,
       c.cert = 'verified' AS verified,
       c.is_active,
       c.created_at,
       c.z,
       z.nb[1:c.n_areas] AS zids,
       (SELECT array_agg(z2.name ORDER BY o.ord) FROM unnest(z.nb[1:c.n_areas]) WITH ORDINALITY AS o(zid, ord)
                JOIN demo_zone z2 ON z2.z = o.zid) AS area_names,
       c.first_name,
       c.last_name,
       c.first_name || ' ' || c.last_name AS full_name,
       CASE WHEN c.family = 'courier' THEN
                CASE WHEN pg_temp.u(c.i, 310) < 0.7
                     THEN pg_temp.pick(w.courier_prefix, c.i, 311) || ' ' || pg_temp.pick(w.courier_suffix, c.i, 312)
                     ELSE c.last_name || ' ' || pg_temp.pick(ARRAY['Delivery', 'Courier Service', 'Express', 'Errands'], c.i, 313)
                END
            ELSE
                CASE WHEN pg_temp.u(c.i, 310) < 0.7
                     THEN pg_temp.pick(w.drone_prefix, c.i, 311) || ' ' || pg_temp.pick(w.drone_suffix, c.i, 312)
                     ELSE c.last_name || ' ' || pg_temp.pick(ARRAY['Aerial', 'Drone Co.', 'Aerial Imaging'], c.i, 313)
                END
       END AS business_name,
       1 + floor(3 * pg_temp.u(c.i, 307))::int AS nlist,
       -- insurance: most valid, some expiring within 30 days, some expired (verified providers only)
       CASE WHEN c.cert <> 'verified' THEN 'valid'
            WHEN pg_temp.u(c.i, 308) < 0.05 THEN 'expired'
            WHEN pg_temp.u(c.i, 308) < 0.13 THEN 'expiring'
            ELSE 'valid' END AS ins_state,
       -- which document got a rejected provider rejected: 1 = licence/FAA certificate, 2 = insurance
       CASE WHEN pg_temp.u(c.i, 309) < 0.6 THEN 1 ELSE 2 END AS rejected_ord
FROM c
JOIN demo_zone z ON z.z = c.z
CROSS JOIN demo_w w;
CREATE UNIQUE INDEX ON demo_provider (i);
ANALYZE demo_provider;

-- @step person-plan
CREATE TEMP TABLE demo_person ON COMMIT DROP AS
WITH cust AS (
    SELECT n,
           pg_temp.pick(w.first_names, n, 101) AS first_name,
           pg_temp.pick(w.last_names, n, 102) AS last_name,
           width_bucket(pg_temp.u(n, 105), w.zone_cum) + 1 AS z,
           CASE WHEN n <= ${customers_old} THEN ${as_of} - interval '1 day' * (370 + 800 * pg_temp.u(n, 106))
                ELSE ${as_of} - interval '1 minute' * (60 + 86340 * pg_temp.u(n, 106)) END AS created_at,
           CASE WHEN pg_temp.u(n, 107) < 0.95 THEN 'active'
                WHEN pg_temp.u(n, 107) < 0.97 THEN 'inactive'
                WHEN pg_temp.u(n, 107) < 0.99 THEN 'suspended'
                ELSE 'banned' END AS status,
           pg_temp.u(n, 108) < 0.9 AS email_verified,
           pg_temp.u(n, 109) < 0.7 AS phone_verified,
           'consumer'::user_role AS role
    FROM generate_series(1, ${customers}) AS n
    CROSS JOIN demo_w w
), prov AS (
    SELECT p.person_n AS n, p.first_name, p.last_name, p.z,
           p.created_at - interval '1 minute' * (5 + 43200 * pg_temp.u(p.i, 320)) AS created_at,
           CASE WHEN p.cert = 'rejected' AND pg_temp.u(p.i, 321) < 0.08 THEN 'banned'
                WHEN p.cert = 'rejected' AND pg_temp.u(p.i, 321) < 0.30 THEN 'suspended'
                WHEN NOT p.is_active THEN 'inactive'
                ELSE 'active' END AS status,
           true AS email_verified,
           true AS phone_verified,
           'provider'::user_role AS role
    FROM demo_provider p
), everyone AS (
    SELECT * FROM cust UNION ALL SELECT * FROM prov
)
SELECT e.n,
       pg_temp.uid('person', e.n) AS id,
       e.first_name, e.last_name, e.first_name || ' ' || e.last_name AS full_name,
       regexp_replace(lower(e.first_name || '.' || e.last_name), '[^a-z.]', '', 'g') || e.n || '@example.com' AS email,
       pg_temp.phone(e.n, 104) AS phone,
       pg_temp.between(e.n, 110, 100, 19999) || ' ' || pg_temp.pick(z.streets, e.n, 111) || ', ' || z.city || ', MI ' || z.zip
           AS address,
       e.z, z.name AS zone_name,
       e.created_at, e.status, e.email_verified, e.phone_verified, e.role
FROM everyone e
JOIN demo_zone z ON z.z = e.z;
CREATE UNIQUE INDEX ON demo_person (n);
ANALYZE demo_person;

-- @step auth-users
INSERT INTO auth.users (id, email, created_at)
SELECT id, email, created_at FROM demo_person;

-- @step profiles
INSERT INTO profiles (id, created_at, updated_at, email, full_name, phone, address, avatar_url, role, detroit_zone,
                      status, email_verified, phone_verified)
SELECT id, created_at, created_at, email, full_name, phone, address,
       CASE WHEN pg_temp.u(n, 112) < 0.3 THEN 'https://avatars.example.com/' || n || '.png' END,
       role, zone_name, status, email_verified, phone_verified
FROM demo_person;

-- @step user-profiles
INSERT INTO user_profiles (id, display_name, bio, date_of_birth, gender, preferred_language, timezone,
                           notification_preferences, created_at, updated_at)
SELECT p.id,
       p.first_name || ' ' || left(p.last_name, 1) || '.',
       CASE WHEN p.role = 'provider' THEN 'Working in metro Detroit. Message me with any questions before you book.'
            WHEN pg_temp.u(p.n, 121) < 0.2 THEN 'Detroit local.' END,
       date '1958-01-01' + floor(16000 * pg_temp.u(p.n, 122))::int,
       pg_temp.pick(w.genders, p.n, 123),
       CASE WHEN p.zone_name = 'Dearborn' AND pg_temp.u(p.n, 124) < 0.35 THEN 'ar'
            WHEN pg_temp.u(p.n, 124) < 0.08 THEN 'es'
            ELSE 'en' END,
       'America/Detroit',
       jsonb_build_object('booking_updates', true, 'promotions', pg_temp.u(p.n, 125) < 0.4),
       p.created_at, p.created_at
FROM demo_person p
CROSS JOIN demo_w w
WHERE p.role = 'provider' OR pg_temp.u(p.n, 120) < 0.5;

-- @step user-settings
INSERT INTO user_settings (id, theme, language, notification_enabled, email_notification, sms_notification,
                           push_notification, privacy_settings, created_at, updated_at)
SELECT p.id,
       (ARRAY['light', 'dark', 'system', 'system'])[1 + floor(4 * pg_temp.u(p.n, 131))::int],
       'en',
       pg_temp.u(p.n, 132) < 0.9,
       pg_temp.u(p.n, 133) < 0.7,
       pg_temp.u(p.n, 134) < 0.3,
       pg_temp.u(p.n, 135) < 0.8,
       jsonb_build_object('show_last_name', pg_temp.u(p.n, 136) < 0.5),
       p.created_at, p.created_at
FROM demo_person p
WHERE pg_temp.u(p.n, 130) < 0.4;
