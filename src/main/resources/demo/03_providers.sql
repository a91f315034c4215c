-- Demo data, step 3: provider schedules, and the plans of listings and verification documents. Providers and
-- listings themselves are inserted last (08_finish.sql), with counters that agree with the bookings; the
-- document files are rendered in Java between this step and the next.

-- @step provider-schedules
INSERT INTO provider_schedules (id, provider_id, day_of_week, start_time, end_time, is_available, break_start_time,
                                break_end_time, max_bookings_per_day, created_at, updated_at)
SELECT pg_temp.uid('schedule', p.i * 10 + d),
       p.id, d,
       make_time(s.start_h, 0, 0),
       make_time(s.end_h, 0, 0),
       pg_temp.u(p.i * 10 + d, 341) < 0.95,
       CASE WHEN s.end_h - s.start_h >= 9 AND pg_temp.u(p.i, 342) < 0.5 THEN make_time(s.start_h + 4, 0, 0) END,
       CASE WHEN s.end_h - s.start_h >= 9 AND pg_temp.u(p.i, 342) < 0.5 THEN make_time(s.start_h + 4, 30, 0) END,
       CASE WHEN p.family = 'courier' THEN pg_temp.between(p.i, 343, 10, 25) ELSE pg_temp.between(p.i, 343, 2, 4) END,
       p.created_at, p.created_at
FROM demo_provider p
CROSS JOIN generate_series(0, 6) AS d
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.family = 'courier' THEN pg_temp.between(p.i, 344, 7, 11) ELSE pg_temp.between(p.i, 344, 7, 9) END AS start_h,
           CASE WHEN p.family = 'courier' THEN pg_temp.between(p.i, 345, 18, 23) ELSE pg_temp.between(p.i, 345, 16, 19) END AS end_h
) s
WHERE CASE WHEN p.family = 'courier' THEN pg_temp.u(p.i * 10 + d, 340) < 0.85
           ELSE (d BETWEEN 1 AND 5) OR pg_temp.u(p.i * 10 + d, 340) < 0.4 END;

-- @step listing-plan
-- Listing j of provider i: j = 1 is the provider's main category, j = 2 the family's other category,
-- j = 3 the main category again with the other level-2 code.
CREATE TEMP TABLE demo_listing ON COMMIT DROP AS
WITH l AS (
    SELECT p.i AS pi, j, p.id AS provider_id, p.family, p.verified, p.is_active, p.created_at AS provider_created_at,
           p.zids,
           CASE WHEN (j = 2) <> (pg_temp.u(p.i, 350) < 0.55)
                THEN CASE p.family WHEN 'courier' THEN 'food_delivery' ELSE 'aerial_imaging' END
                ELSE CASE p.family WHEN 'courier' THEN 'courier' ELSE 'site_mapping' END END AS category,
           CASE WHEN j = 3 THEN 2 - floor(2 * pg_temp.u(p.i, 351))::int ELSE 1 + floor(2 * pg_temp.u(p.i, 351))::int END AS l2
    FROM demo_provider p
    CROSS JOIN generate_series(1, 3) AS j
    WHERE j <= p.nlist
)
SELECT l.pi, l.j, pg_temp.uid('listing', l.pi * 10 + l.j) AS id, l.provider_id, l.family, l.category::service_category AS category,
       t.l2_id,
       replace(pg_temp.pick(t.titles, l.pi * 10 + l.j, 352), '{zone}', z.name) AS title,
       replace(pg_temp.pick(t.descriptions, l.pi * 10 + l.j, 353), '{zone}', z.name) AS description,
       CASE WHEN l.family = 'courier'
            THEN floor(t.price_lo + (t.price_hi - t.price_lo + 1) * pg_temp.u(l.pi * 10 + l.j, 354)::numeric) + 0.99
            ELSE round((t.price_lo + (t.price_hi - t.price_lo) * pg_temp.u(l.pi * 10 + l.j, 354)::numeric) / 25) * 25 - 0.01
       END::numeric(10, 2) AS price_base,
       CASE WHEN t.mile_lo IS NOT NULL
            THEN round(t.mile_lo + (t.mile_hi - t.mile_lo) * pg_temp.u(l.pi * 10 + l.j, 355)::numeric, 2) END AS price_per_mile,
       CASE WHEN l.family = 'courier' THEN pg_temp.between(l.pi * 10 + l.j, 356, t.dur_lo / 5, t.dur_hi / 5) * 5
            ELSE pg_temp.between(l.pi * 10 + l.j, 356, t.dur_lo / 15, t.dur_hi / 15) * 15 END AS duration_minutes,
       t.pricing_type, t.tags,
       l.verified AND l.is_active AND pg_temp.u(l.pi * 10 + l.j, 357) < 0.95 AS active,
       least(l.provider_created_at + interval '1 hour' * (1 + 480 * pg_temp.u(l.pi * 10 + l.j, 358)),
             greatest(l.provider_created_at, ${as_of} - interval '10 minutes')) AS created_at
FROM l
JOIN demo_tpl t ON t.category = l.category AND t.l2 = l.l2
JOIN demo_zone z ON z.z = l.zids[1];
CREATE UNIQUE INDEX ON demo_listing (pi, j);
ANALYZE demo_listing;

-- @step document-plan
CREATE TEMP TABLE demo_kind (kind text, family text, prob float8, content_type text, ord int) ON COMMIT DROP;
INSERT INTO demo_kind VALUES
    ('drivers_licence', 'courier', 1.0, 'image/png', 1),
    ('insurance', 'courier', 1.0, 'application/pdf', 2),
    ('vehicle_registration', 'courier', 0.6, 'application/pdf', 3),
    ('background_check', 'courier', 0.4, 'application/pdf', 4),
    ('faa_part_107', 'drone', 1.0, 'image/png', 1),
    ('insurance', 'drone', 1.0, 'application/pdf', 2),
    ('background_check', 'drone', 0.3, 'application/pdf', 4);

CREATE TEMP TABLE demo_doc ON COMMIT DROP AS
WITH d AS (
    SELECT p.i, p.id AS provider_id, p.family, p.cert, p.created_at AS provider_created_at, p.full_name, p.last_name,
           p.business_name, p.ins_state, p.rejected_ord, p.z, k.kind, k.ord, k.content_type, false AS renewal
    FROM demo_provider p
    JOIN demo_kind k ON k.family = p.family
    WHERE k.prob >= 1 OR pg_temp.u(p.i, 400 + k.ord) < k.prob
    UNION ALL
    -- verified providers whose insurance ran out and who uploaded the renewal: back in the queue
    SELECT p.i, p.id, p.family, p.cert, p.created_at, p.full_name, p.last_name, p.business_name, 'valid', p.rejected_ord,
           p.z, 'insurance', 5, 'application/pdf', true
    FROM demo_provider p
    WHERE p.ins_state = 'expired' AND pg_temp.u(p.i, 410) < 0.5
), e AS (
    SELECT d.*,
           d.i * 10 + d.ord AS dn,
           CASE WHEN d.renewal THEN 'pending'
                WHEN d.cert = 'verified' THEN 'approved'
                WHEN d.cert = 'pending' THEN 'pending'
                WHEN d.ord = d.rejected_ord THEN 'rejected'
                ELSE 'approved' END AS decision,
           -- issue date, days before the as-of date
           CASE d.kind
               WHEN 'drivers_licence' THEN floor(1400 * pg_temp.u(d.i * 10 + d.ord, 411))::int
               WHEN 'faa_part_107' THEN floor(700 * pg_temp.u(d.i * 10 + d.ord, 411))::int
               WHEN 'insurance' THEN CASE WHEN d.renewal THEN 1 + floor(10 * pg_temp.u(d.i * 10 + d.ord, 411))::int
                                          WHEN d.ins_state = 'expired' THEN 370 + floor(50 * pg_temp.u(d.i * 10 + d.ord, 411))::int
                                          WHEN d.ins_state = 'expiring' THEN 335 + floor(30 * pg_temp.u(d.i * 10 + d.ord, 411))::int
                                          ELSE floor(330 * pg_temp.u(d.i * 10 + d.ord, 411))::int END
               WHEN 'vehicle_registration' THEN floor(300 * pg_temp.u(d.i * 10 + d.ord, 411))::int
               ELSE greatest(1, (${as_of_date} - d.provider_created_at::date) + 1 + floor(10 * pg_temp.u(d.i * 10 + d.ord, 411))::int)
           END AS issued_days_ago
    FROM d
)
SELECT e.dn,
       pg_temp.uid('document', e.dn) AS id,
       e.i, e.provider_id, e.family, e.kind, e.ord, e.content_type, e.renewal, e.decision,
       e.full_name AS holder_name,
       e.business_name,
       pg_temp.between(e.dn, 412, 100, 19999) || ' ' || pg_temp.pick(z.streets, e.dn, 413) || ', ' || z.city || ', MI ' || z.zip
           AS holder_address,
       CASE e.kind
           WHEN 'drivers_licence' THEN upper(left(e.last_name, 1)) || ' ' || lpad(pg_temp.between(e.dn, 414, 0, 999)::text, 3, '0')
                || ' ' || lpad(pg_temp.between(e.dn, 415, 0, 999)::text, 3, '0') || ' ' || lpad(pg_temp.between(e.dn, 416, 0, 999)::text, 3, '0')
                || ' ' || lpad(pg_temp.between(e.dn, 417, 0, 999)::text, 3, '0')
           WHEN 'faa_part_107' THEN (4000000 + pg_temp.between(e.dn, 414, 0, 999999))::text
           WHEN 'insurance' THEN CASE WHEN e.family = 'courier' THEN 'CA-' ELSE 'UAS-' END
                || lpad(pg_temp.between(e.dn, 414, 0, 99999999)::text, 8, '0')
           WHEN 'vehicle_registration' THEN chr(65 + pg_temp.between(e.dn, 414, 0, 25)) || chr(65 + pg_temp.between(e.dn, 415, 0, 25))
                || chr(65 + pg_temp.between(e.dn, 416, 0, 25)) || ' ' || lpad(pg_temp.between(e.dn, 417, 0, 9999)::text, 4, '0')
           ELSE 'CPS-' || upper(substr(md5('bg:' || e.dn), 1, 10))
       END AS doc_number,
       CASE e.kind
           WHEN 'drivers_licence' THEN 'Class D'
           WHEN 'faa_part_107' THEN 'Remote Pilot, Small UAS Rating'
           WHEN 'insurance' THEN CASE WHEN e.family = 'courier' THEN pg_temp.pick(w.courier_insurers, e.dn, 418)
                                      ELSE pg_temp.pick(w.drone_insurers, e.dn, 418) END
           WHEN 'vehicle_registration' THEN pg_temp.pick(w.vehicles, e.dn, 418)
           ELSE 'ClearPath Screening'
       END AS detail,
       CASE e.kind
           WHEN 'insurance' THEN CASE WHEN e.family = 'courier' THEN 'Commercial auto liability, $1,000,000 combined single limit'
                                      ELSE 'Unmanned aircraft liability, $1,000,000 each occurrence' END
           WHEN 'vehicle_registration' THEN '1HGCM' || lpad(pg_temp.between(e.dn, 419, 0, 999999)::text, 6, '0') || 'DEMO01'
           WHEN 'background_check' THEN 'Clear: county criminal, national sex offender registry, motor vehicle record'
       END AS detail2,
       ${as_of_date} - e.issued_days_ago AS issued_on,
       CASE e.kind
           WHEN 'drivers_licence' THEN ${as_of_date} - e.issued_days_ago + 1461
           WHEN 'faa_part_107' THEN ${as_of_date} - e.issued_days_ago + 730
           WHEN 'insurance' THEN ${as_of_date} - e.issued_days_ago + 365
           WHEN 'vehicle_registration' THEN ${as_of_date} - e.issued_days_ago + 365
       END AS expires_on,
       CASE WHEN e.renewal THEN ${as_of} - interval '1 hour' * (2 + 200 * pg_temp.u(e.dn, 420))
            ELSE e.provider_created_at + (least(${as_of}, e.provider_created_at + interval '2 hours') - e.provider_created_at)
                                         * (0.05 + 0.9 * pg_temp.u(e.dn, 420)) END AS uploaded_at,
       CASE WHEN e.decision <> 'pending' THEN 'demo_admin' END AS reviewed_by,
       CASE WHEN e.decision <> 'pending' THEN e.provider_created_at + interval '1 hour' * (20 + 80 * pg_temp.u(e.dn, 421)) END
           AS reviewed_at,
       CASE WHEN e.decision = 'rejected' THEN
                CASE WHEN e.ord = 2 THEN (ARRAY['The certificate has expired; please upload the current one.',
                                                'Only the first page was uploaded; we need the full certificate.',
                                                'The insurance does not cover commercial work.'])[1 + floor(3 * pg_temp.u(e.dn, 422))::int]
                     ELSE pg_temp.pick(w.reject_notes, e.dn, 422) END
            WHEN e.decision = 'approved' AND pg_temp.u(e.dn, 423) < 0.2 THEN 'Checked against the issuing authority.' END
           AS review_note,
       CASE e.kind
           WHEN 'drivers_licence' THEN 'drivers-licence-' || regexp_replace(lower(e.last_name), '[^a-z]', '', 'g') || '.png'
           WHEN 'faa_part_107' THEN 'faa-part-107-certificate.png'
           WHEN 'insurance' THEN 'insurance-certificate-' || extract(year FROM ${as_of_date} - e.issued_days_ago)::int || '.pdf'
           WHEN 'vehicle_registration' THEN 'vehicle-registration.pdf'
           ELSE 'background-check-report.pdf'
       END AS file_name,
       -- which rendered file the row points at: its own (small scale) or one of a pool (large scale)
       CASE WHEN ${doc_pool} = 0 THEN e.dn ELSE floor(${doc_pool} * pg_temp.u(e.dn, 424))::bigint END AS slot
FROM e
JOIN demo_zone z ON z.z = e.z
CROSS JOIN demo_w w;
