-- Demo data, step 5: the plan of every booking (who, what, when, how it went, what it cost, what was
-- refunded) in one temporary table, then bookings and their status history from it.
--
-- A booking's life is one of these paths (the edges of booking_status_transitions only):
--   1 pending                         2 pending > accepted
--   3 ... > in_progress               4 ... > in_progress > completed
--   5 pending > cancelled             6 pending > accepted > cancelled
--   7 ... > in_progress > cancelled
--   8 ... > completed > disputed (open)        9 ... > in_progress > disputed (open)
--  10 ... > completed > disputed > completed  11 ... > completed > disputed > cancelled (full refund)
--  12 ... > in_progress > disputed > completed 13 ... > in_progress > disputed > cancelled (full refund)
-- Time slices: 1 upcoming (next 14 days), 2 live (started in the last hours), 3 recent (2-14 days ago),
-- 4 history (15-365 days ago, denser towards today).

-- @step bookable-providers
CREATE TEMP TABLE demo_vprov ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY p.i)::int AS vrank, p.i, p.id, p.user_id, p.family, p.zids, p.nlist, p.first_name
FROM demo_provider p
WHERE p.verified AND p.is_active;
CREATE UNIQUE INDEX ON demo_vprov (vrank);
ANALYZE demo_vprov;

-- @step booking-plan
-- Staged through a few temporary tables: each stage only uses columns the previous one stored, so no
-- expression is copied into its users over and over (inlined CTE chains would).
CREATE TEMP TABLE demo_cfg ON COMMIT DROP AS
SELECT coalesce((SELECT (config_value #>> '{}')::numeric FROM system_config WHERE config_key = 'platform.fee_percent'),
                12.50) AS fee_pct,
       coalesce((SELECT (config_value #>> '{}')::numeric FROM system_config
                 WHERE config_key = 'refund.second_approval_above'), 200.00) AS refund_limit,
       coalesce((SELECT (config_value #>> '{}')::numeric FROM system_config WHERE config_key = 'dispute.sla_hours'),
                48) AS sla_hours,
       (SELECT count(*) FROM demo_vprov) AS nv;

-- who books what, and when
CREATE TEMP TABLE demo_b0 ON COMMIT DROP AS
SELECT s.*,
       CASE s.slice
           WHEN 1 THEN ${as_of} + interval '1 minute' * (60 + 15 * floor(1344 * pg_temp.u(s.i, 2007)))
           WHEN 2 THEN ${as_of} - interval '1 minute' * (10 + floor(230 * pg_temp.u(s.i, 2007)))
           ELSE ((${as_of_date} - CASE WHEN s.slice = 3 THEN 2 + floor(13 * pg_temp.u(s.i, 2007))::int
                                       ELSE 15 + floor(350 * pg_temp.u(s.i, 2007) ^ 1.25)::int END)
                 + interval '1 minute' * (420 + 15 * floor(60 * pg_temp.u(s.i, 2008))))
                AT TIME ZONE 'America/Detroit'
       END AS scheduled_at,
       CASE WHEN s.family = 'drone' THEN 1440 * (1 + floor(13 * pg_temp.u(s.i, 2009)))
            WHEN pg_temp.u(s.i, 2010) < 0.2
                THEN 1440 * (1 + floor(2 * pg_temp.u(s.i, 2009))) + floor(600 * pg_temp.u(s.i, 2011))
            ELSE 10 + floor(170 * pg_temp.u(s.i, 2009)) END AS lead_min,
       round(s.duration_minutes * (0.8 + 0.5 * pg_temp.u(s.i, 2012)))::int AS dur_min,
       CASE WHEN s.family = 'drone' THEN 10 + floor(590 * pg_temp.u(s.i, 2013))
            ELSE 1 + floor(19 * pg_temp.u(s.i, 2013)) END AS acc_min,
       -5 + floor(14 * pg_temp.u(s.i, 2014)) AS start_jitter_min
FROM (
    SELECT b.i, b.r_path,
           v.id AS provider_id, v.user_id AS provider_user_id, v.family, v.first_name AS p_first,
           v.zids[1 + floor(cardinality(v.zids) * pg_temp.u(b.i, 2006))::int] AS dz,
           l.id AS listing_id, l.category, l.price_base, l.price_per_mile, l.duration_minutes,
           c.id AS consumer_id, c.first_name AS c_first,
           CASE WHEN b.r_slice < 0.04 THEN 1 WHEN b.r_slice < 0.05 THEN 2 WHEN b.r_slice < 0.085 THEN 3 ELSE 4 END AS slice
    FROM (
        SELECT i,
               pg_temp.u(i, 2001) AS r_slice,
               pg_temp.u(i, 2002) AS r_path,
               1 + floor(${customers_old} * pg_temp.u(i, 2003) ^ 1.3)::int AS cn,
               1 + floor(cfg.nv * pg_temp.u(i, 2004) ^ 1.4)::int AS vrank
        FROM generate_series(1, ${bookings}) AS i
        CROSS JOIN demo_cfg cfg
    ) b
    JOIN demo_vprov v ON v.vrank = b.vrank
    JOIN demo_listing l ON l.pi = v.i AND l.j = 1 + floor(v.nlist * pg_temp.u(b.i, 2005))::int
    JOIN demo_person c ON c.n = b.cn
) s;

-- @step booking-plan-life
-- when it was booked and how its life went
CREATE TEMP TABLE demo_b1 ON COMMIT DROP AS
SELECT c.*,
       CASE c.slice
           WHEN 1 THEN CASE WHEN c.r_path < 0.45 THEN 1 WHEN c.r_path < 0.90 THEN 2 WHEN c.r_path < 0.97 THEN 5 ELSE 6 END
           WHEN 2 THEN CASE WHEN c.r_path < 0.05 THEN 1 WHEN c.r_path < 0.15 THEN 2 WHEN c.r_path < 0.20 THEN 9
                            WHEN c.t_end <= ${as_of} - interval '1 minute' THEN 4
                            ELSE 3 END
           WHEN 3 THEN CASE WHEN c.r_path < 0.05 THEN 5 WHEN c.r_path < 0.09 THEN 6 WHEN c.r_path < 0.10 THEN 7
                            WHEN c.r_path < 0.16 THEN 8 WHEN c.r_path < 0.18 THEN 9 WHEN c.r_path < 0.19 THEN 10
                            WHEN c.r_path < 0.195 THEN 11 ELSE 4 END
           ELSE CASE WHEN c.r_path < 0.06 THEN 5 WHEN c.r_path < 0.10 THEN 6 WHEN c.r_path < 0.11 THEN 7
                     WHEN c.r_path < 0.125 THEN 10 WHEN c.r_path < 0.135 THEN 11 WHEN c.r_path < 0.138 THEN 12
                     WHEN c.r_path < 0.142 THEN 13 ELSE 4 END
       END AS path,
       c.created_at + least(interval '1 minute' * c.acc_min, (c.scheduled_at - c.created_at) / 2,
                            (${as_of} - c.created_at) / 2) AS t_acc0,
       pg_temp.u(c.i, 2020) < 0.25 AS pay_failed0,
       pg_temp.u(c.i, 2026) < 0.3 AS provider_cancelled0,
       CASE WHEN c.family = 'courier' THEN round((0.8 + 8.7 * pg_temp.u(c.i, 2030))::numeric, 1) ELSE 0 END AS miles
FROM (
    SELECT t.*,
           CASE WHEN t.scheduled_at - interval '1 minute' * t.lead_min > ${as_of} - interval '3 minutes'
                THEN ${as_of} - interval '1 minute' * (3 + floor(2880 * pg_temp.u(t.i, 2015)))
                ELSE t.scheduled_at - interval '1 minute' * t.lead_min END AS created_at,
           t.scheduled_at + interval '1 minute' * t.start_jitter_min AS t_start,
           t.scheduled_at + interval '1 minute' * (t.start_jitter_min + t.dur_min) AS t_end
    FROM demo_b0 t
) c;
DROP TABLE demo_b0;

-- @step booking-plan-prices
-- cancellations, disputes, prices
CREATE TEMP TABLE demo_b2 ON COMMIT DROP AS
SELECT e.*,
       CASE WHEN e.path >= 10 OR (e.path IN (8, 9) AND pg_temp.u(e.i, 2023) < 0.5)
            THEN e.t_dispute + least(interval '1 hour' * (1 + 19 * pg_temp.u(e.i, 2024)), (${as_of} - e.t_dispute) * 0.5)
       END AS t_review,
       round(e.service_price * cfg.fee_pct / 100, 2) AS platform_fee,
       cfg.refund_limit, cfg.sla_hours,
       CASE WHEN e.path IN (6, 7) THEN 'cancel'
            WHEN e.path IN (11, 13) THEN 'dispute_full'
            WHEN e.path IN (10, 12) AND pg_temp.u(e.i, 2031) < 0.55 THEN 'dispute_partial'
            WHEN e.path = 4 AND e.slice <> 2 AND pg_temp.u(e.i, 2032) < 0.02 THEN 'goodwill'
            WHEN e.path = 4 AND e.slice <> 2 AND pg_temp.u(e.i, 2032) < 0.03 THEN 'rejected'
       END AS refund_case
FROM (
    SELECT p.*,
           CASE p.path
               WHEN 5 THEN CASE WHEN p.pay_failed0
                                THEN p.created_at + least(interval '2 minutes', (least(p.scheduled_at, ${as_of}) - p.created_at) / 2)
                                ELSE p.created_at + (least(p.scheduled_at, ${as_of}) - p.created_at)
                                                    * (0.1 + 0.8 * pg_temp.u(p.i, 2021)) END
               WHEN 6 THEN p.t_acc0 + (least(p.scheduled_at, ${as_of}) - p.t_acc0) * (0.1 + 0.8 * pg_temp.u(p.i, 2021))
               WHEN 7 THEN p.t_start + least(interval '1 minute' * p.dur_min, ${as_of} - p.t_start)
                                       * (0.2 + 0.6 * pg_temp.u(p.i, 2021))
           END AS t_cancel,
           CASE WHEN p.path IN (8, 10, 11)
                    THEN p.t_end + least(interval '1 minute' * (30 + 2880 * pg_temp.u(p.i, 2022)), (${as_of} - p.t_end) * 0.5)
                WHEN p.path IN (9, 12, 13)
                    THEN p.t_start + least(interval '1 minute' * p.dur_min * (0.3 + 0.6 * pg_temp.u(p.i, 2022)),
                                           (${as_of} - p.t_start) * 0.5)
           END AS t_dispute,
           round(p.price_base + coalesce(p.price_per_mile, 0) * p.miles, 2) AS service_price
    FROM demo_b1 p
) e
CROSS JOIN demo_cfg cfg;
DROP TABLE demo_b1;

-- @step booking-plan-totals
-- resolutions, tax, totals, refund requests
CREATE TEMP TABLE demo_b3 ON COMMIT DROP AS
SELECT r.*,
       CASE r.refund_case
           WHEN 'cancel' THEN CASE WHEN r.path = 7 OR r.provider_cancelled0
                                        OR r.scheduled_at - r.t_cancel > interval '24 hours'
                                   THEN r.price_total ELSE round(r.price_total * 0.5, 2) END
           WHEN 'dispute_full' THEN r.price_total
           WHEN 'dispute_partial' THEN round(r.price_total * (0.2 + 0.4 * pg_temp.u(r.i, 2033))::numeric, 2)
           WHEN 'goodwill' THEN round(r.price_total * (0.10 + 0.15 * pg_temp.u(r.i, 2033))::numeric, 2)
           WHEN 'rejected' THEN round(r.price_total * 0.5, 2)
       END AS refund_req_amount,
       CASE WHEN r.refund_case = 'cancel' THEN r.t_cancel + least(interval '2 minutes', (${as_of} - r.t_cancel) / 2)
            WHEN r.refund_case LIKE 'dispute%' THEN r.t_resolve
            WHEN r.refund_case IS NOT NULL
                THEN r.t_end + least(interval '1 day' * (0.2 + 0.8 * pg_temp.u(r.i, 2034)), (${as_of} - r.t_end) / 2)
       END AS refund_requested_at
FROM (
    SELECT p.*,
           CASE WHEN p.path >= 10
                THEN p.t_review + least(interval '1 hour' * (2 + 38 * pg_temp.u(p.i, 2025)), (${as_of} - p.t_review) * 0.5)
           END AS t_resolve,
           round((p.service_price + p.platform_fee) * 0.06, 2) AS tax_amount,
           p.service_price + p.platform_fee + round((p.service_price + p.platform_fee) * 0.06, 2) AS price_total
    FROM demo_b2 p
) r;
DROP TABLE demo_b2;

-- @step booking-plan-final
-- the plan every later step reads
CREATE TEMP TABLE demo_b ON COMMIT DROP AS
SELECT r.i, pg_temp.uid('booking', r.i) AS id, r.slice, r.path, r.family, r.category,
       r.consumer_id, r.provider_id, r.provider_user_id, r.listing_id, r.dz, r.c_first, r.p_first,
       r.duration_minutes,
       CASE r.path WHEN 1 THEN 'pending' WHEN 2 THEN 'accepted' WHEN 3 THEN 'in_progress' WHEN 4 THEN 'completed'
                   WHEN 8 THEN 'disputed' WHEN 9 THEN 'disputed' WHEN 10 THEN 'completed' WHEN 12 THEN 'completed'
                   ELSE 'cancelled' END::booking_status AS status,
       r.scheduled_at, r.created_at,
       CASE WHEN r.path NOT IN (1, 5) THEN r.t_acc0 END AS t_acc,
       CASE WHEN r.path IN (3, 4, 7, 8, 9, 10, 11, 12, 13) THEN r.t_start END AS actual_start_at,
       CASE WHEN r.path IN (4, 8, 10, 11) THEN r.t_end WHEN r.path = 12 THEN r.t_resolve END AS actual_end_at,
       r.t_cancel, r.t_dispute, r.t_review, r.t_resolve, r.sla_hours,
       r.service_price, r.platform_fee, r.tax_amount, r.price_total,
       r.path = 5 AND r.pay_failed0 AS pay_failed,
       r.path = 7 OR (r.path = 6 AND r.provider_cancelled0) AS provider_cancelled,
       r.refund_case, m.refund_status,
       CASE WHEN m.refund_status IS NOT NULL THEN r.refund_req_amount END AS refund_req_amount,
       r.refund_requested_at,
       CASE WHEN m.refund_status = 'issued' THEN r.refund_req_amount ELSE 0 END AS refund_amount,
       CASE WHEN m.refund_status IN ('issued', 'rejected') AND r.refund_req_amount > r.refund_limit
                THEN r.refund_requested_at + least(interval '1 hour' * (1 + 19 * pg_temp.u(r.i, 2035)),
                                                   (${as_of} - r.refund_requested_at) / 2)
            WHEN m.refund_status = 'issued' THEN r.refund_requested_at
       END AS refund_decided_at,
       CASE WHEN m.refund_status IN ('issued', 'rejected') AND r.refund_req_amount > r.refund_limit THEN 'demo_admin' END
           AS refund_approved_by,
       CASE WHEN r.refund_case = 'cancel' THEN 'marketplace_app' ELSE 'demo_ops' END AS refund_requested_by,
       CASE WHEN r.path = 1 THEN CASE WHEN pg_temp.u(r.i, 2027) < 0.2 THEN 'processing' ELSE 'pending' END
            WHEN r.path = 5 THEN CASE WHEN r.pay_failed0 THEN 'failed' ELSE 'pending' END
            WHEN m.refund_status = 'issued' AND r.refund_req_amount = r.price_total THEN 'refunded'
            WHEN m.refund_status = 'issued' THEN 'partially_refunded'
            ELSE 'paid' END::payment_status AS payment_status,
       CASE r.path
           WHEN 5 THEN CASE WHEN r.pay_failed0 THEN 'Payment failed' ELSE pg_temp.pick(w.cancel_before, r.i, 2040) END
           WHEN 6 THEN CASE WHEN r.provider_cancelled0 THEN
                                CASE WHEN r.family = 'courier'
                                     THEN pg_temp.pick(ARRAY['Provider cancelled: vehicle problem', 'Provider cancelled: running too late'], r.i, 2041)
                                     ELSE pg_temp.pick(ARRAY['Provider cancelled: wind above safe limits',
                                                             'Provider cancelled: airspace authorization delayed'], r.i, 2041) END
                            ELSE CASE WHEN r.family = 'courier'
                                      THEN pg_temp.pick(ARRAY['Customer cancelled: plans changed', 'Customer cancelled: found another option'], r.i, 2041)
                                      ELSE pg_temp.pick(ARRAY['Customer cancelled: closing moved', 'Customer cancelled: site not ready'], r.i, 2041) END
                       END
           WHEN 7 THEN CASE WHEN r.family = 'courier' THEN pg_temp.pick(w.cancel_courier_live, r.i, 2042)
                            ELSE pg_temp.pick(w.cancel_drone_live, r.i, 2042) END
           WHEN 11 THEN 'Dispute resolved with a full refund'
           WHEN 13 THEN 'Dispute resolved with a full refund'
       END AS cancellation_reason,
       CASE WHEN r.path >= 8 THEN CASE WHEN r.family = 'courier' THEN pg_temp.pick(w.dispute_courier, r.i, 2043)
                                       ELSE pg_temp.pick(w.dispute_drone, r.i, 2043) END END AS dispute_reason,
       CASE WHEN r.path IN (11, 13) THEN 'full_refund'
            WHEN r.path IN (10, 12) AND r.refund_case = 'dispute_partial' THEN 'partial_refund'
            WHEN r.path IN (10, 12) THEN 'no_refund' END AS resolution,
       CASE WHEN r.path >= 8 AND pg_temp.u(r.i, 2044) < 0.15 THEN r.provider_user_id ELSE r.consumer_id END AS dispute_opened_by,
       -- the conversation: which script, how many lines, over which stretch of the booking's life
       m.msg_group,
       CASE WHEN m.msg_group = 'dispute' THEN 8 ELSE least(n.min_len, ${msg_base} + (r.i % ${msg_mod}))::int END AS msg_k,
       CASE WHEN m.msg_group = 'cancel'
                THEN CASE WHEN (r.path = 7 OR (r.path = 6 AND r.provider_cancelled0)) = (r.family = 'courier') THEN 2 ELSE 1 END
            ELSE 1 + floor(n.variants * pg_temp.u(r.i, 2401))::int END AS msg_variant,
       CASE WHEN m.msg_group = 'dispute' THEN r.t_start ELSE r.created_at END AS msg_lo,
       CASE m.msg_group
           WHEN 'pre' THEN least(r.scheduled_at, ${as_of})
           WHEN 'live' THEN ${as_of}
           WHEN 'done' THEN least(r.t_end + interval '1 hour', ${as_of})
           WHEN 'cancel' THEN r.t_cancel
           ELSE least(r.t_dispute + (coalesce(r.t_review, ${as_of}) - r.t_dispute) / 4, r.t_dispute + interval '1 hour')
       END AS msg_hi
FROM demo_b3 r
CROSS JOIN LATERAL (
    SELECT CASE WHEN r.path IN (1, 2) THEN 'pre' WHEN r.path = 3 THEN 'live' WHEN r.path = 4 THEN 'done'
                WHEN r.path IN (5, 6, 7) THEN 'cancel' ELSE 'dispute' END AS msg_group,
           CASE WHEN r.refund_case IS NULL THEN NULL
                WHEN r.refund_case = 'rejected' AND r.refund_req_amount > r.refund_limit THEN 'rejected'
                WHEN r.refund_case = 'rejected' THEN NULL        -- small asks are simply not pursued
                WHEN r.refund_req_amount > r.refund_limit AND r.refund_requested_at > ${as_of} - interval '14 days'
                    THEN 'awaiting_approval'
                ELSE 'issued' END AS refund_status
    OFFSET 0
) m
JOIN demo_script_n n ON n.family = r.family AND n.grp = m.msg_group
CROSS JOIN demo_w w;
DROP TABLE demo_b3;

-- @step booking-plan-index
ANALYZE demo_b;
-- order numbers in booking time order: sorting these two columns, not the bookings' whole wide rows (a
-- window in the insert below sorted 1.3 GB through disk)
CREATE TEMP TABLE demo_order ON COMMIT DROP AS
SELECT b.i, row_number() OVER (ORDER BY b.created_at, b.i) AS seq FROM demo_b b;

-- @step bookings
INSERT INTO bookings (id, created_at, updated_at, consumer_id, provider_id, listing_id, status, scheduled_at,
                      pickup_address, pickup_lat, pickup_lng, dropoff_address, dropoff_lat, dropoff_lng,
                      special_instructions, price_total, payment_intent_id, payment_status, order_number, service_price,
                      platform_fee, tax_amount, scheduled_end_at, actual_start_at, actual_end_at, customer_notes,
                      provider_notes, cancellation_reason, refund_amount, service_area_id, search_document)
-- the search document (V66) from the names as loaded, by the same function its trigger uses
SELECT x.*, public.booking_search_text(x.order_number, cp.full_name, dp.business_name, pp.full_name,
                                       x.pickup_address, x.dropoff_address)
FROM (
SELECT b.id, b.created_at,
       greatest(b.created_at, b.t_acc, b.actual_start_at, b.actual_end_at, b.t_cancel, b.t_dispute, b.t_resolve),
       b.consumer_id, b.provider_id, b.listing_id, b.status, b.scheduled_at,
       CASE WHEN b.family = 'courier'
            THEN pg_temp.pick(w.pickup_places, b.i, 2101) || ', ' || pg_temp.between(b.i, 2102, 100, 19999) || ' '
                 || pg_temp.pick(z.streets, b.i, 2103) || ', ' || z.city || ', MI ' || z.zip END AS pickup_address,
       CASE WHEN b.family = 'courier' THEN round((z.lat + (pg_temp.u(b.i, 2104) - 0.5) * 1.2 * z.radius / 69.0)::numeric, 6) END,
       CASE WHEN b.family = 'courier' THEN round((z.lng + (pg_temp.u(b.i, 2105) - 0.5) * 1.2 * z.radius / 51.0)::numeric, 6) END,
       pg_temp.between(b.i, 2106, 100, 19999) || ' ' || pg_temp.pick(z.streets, b.i, 2107) || ', ' || z.city || ', MI ' || z.zip
           AS dropoff_address,
       round((z.lat + (pg_temp.u(b.i, 2108) - 0.5) * 1.2 * z.radius / 69.0)::numeric, 6),
       round((z.lng + (pg_temp.u(b.i, 2109) - 0.5) * 1.2 * z.radius / 51.0)::numeric, 6),
       CASE WHEN pg_temp.u(b.i, 2110) < 0.3 THEN
                CASE WHEN b.family = 'courier' THEN pg_temp.pick(w.courier_instructions, b.i, 2111)
                     ELSE pg_temp.pick(w.drone_instructions, b.i, 2111) END END,
       b.price_total,
       CASE WHEN b.payment_status <> 'pending' OR b.path <> 1 THEN 'pi_' || substr(md5('pi:' || b.i), 1, 24) END,
       b.payment_status,
       'SM-' || lpad(o.seq::text, 8, '0') AS order_number,
       b.service_price, b.platform_fee, b.tax_amount,
       b.scheduled_at + interval '1 minute' * b.duration_minutes,
       b.actual_start_at, b.actual_end_at,
       CASE WHEN pg_temp.u(b.i, 2112) < 0.12 THEN
                pg_temp.pick(ARRAY['Please text when you are 5 minutes away.', 'First time using the app!',
                                   'Same as last week, thanks.', 'Ask for me at reception.'], b.i, 2113) END,
       CASE WHEN b.actual_end_at IS NOT NULL AND pg_temp.u(b.i, 2114) < 0.1 THEN
                CASE WHEN b.family = 'courier'
                     THEN pg_temp.pick(ARRAY['Customer not home; left with the concierge.', 'Waited 10 minutes at pickup.',
                                             'Smooth job.'], b.i, 2115)
                     ELSE pg_temp.pick(ARRAY['Files delivered via download link.', 'Wind gusts slowed the second battery.',
                                             'Smooth job.'], b.i, 2115) END END,
       b.cancellation_reason,
       b.refund_amount,
       z.area_id
FROM demo_b b
JOIN demo_order o ON o.i = b.i
JOIN demo_zone z ON z.z = b.dz
CROSS JOIN demo_w w
) x
JOIN profiles cp ON cp.id = x.consumer_id
JOIN demo_provider dp ON dp.id = x.provider_id
JOIN profiles pp ON pp.id = dp.user_id;

SELECT setval('booking_order_number_seq', greatest((SELECT count(*) FROM demo_b), 1));

-- @step status-history
CREATE TEMP TABLE demo_path (path int, step int, from_status booking_status, to_status booking_status, ev text)
    ON COMMIT DROP;
INSERT INTO demo_path
SELECT p.path, s.step::int, CASE WHEN s.step > 1 THEN p.statuses[s.step - 1] END::booking_status,
       s.status::booking_status, p.events[s.step]
FROM (VALUES
    (1, ARRAY['pending'], ARRAY['created']),
    (2, ARRAY['pending', 'accepted'], ARRAY['created', 'accepted']),
    (3, ARRAY['pending', 'accepted', 'in_progress'], ARRAY['created', 'accepted', 'started']),
    (4, ARRAY['pending', 'accepted', 'in_progress', 'completed'], ARRAY['created', 'accepted', 'started', 'ended']),
    (5, ARRAY['pending', 'cancelled'], ARRAY['created', 'cancelled']),
    (6, ARRAY['pending', 'accepted', 'cancelled'], ARRAY['created', 'accepted', 'cancelled']),
    (7, ARRAY['pending', 'accepted', 'in_progress', 'cancelled'], ARRAY['created', 'accepted', 'started', 'cancelled']),
    (8, ARRAY['pending', 'accepted', 'in_progress', 'completed', 'disputed'],
        ARRAY['created', 'accepted', 'started', 'ended', 'disputed']),
    (9, ARRAY['pending', 'accepted', 'in_progress', 'disputed'], ARRAY['created', 'accepted', 'started', 'disputed']),
    (10, ARRAY['pending', 'accepted', 'in_progress', 'completed', 'disputed', 'completed'],
         ARRAY['created', 'accepted', 'started', 'ended', 'disputed', 'resolved']),
    (11, ARRAY['pending', 'accepted', 'in_progress', 'completed', 'disputed', 'cancelled'],
         ARRAY['created', 'accepted', 'started', 'ended', 'disputed', 'resolved']),
    (12, ARRAY['pending', 'accepted', 'in_progress', 'disputed', 'completed'],
         ARRAY['created', 'accepted', 'started', 'disputed', 'resolved']),
    (13, ARRAY['pending', 'accepted', 'in_progress', 'disputed', 'cancelled'],
         ARRAY['created', 'accepted', 'started', 'disputed', 'resolved'])
) AS p(path, statuses, events)
CROSS JOIN LATERAL unnest(p.statuses) WITH ORDINALITY AS s(status, step);

-- ids are (booking number - 1) * 6 + step: stable across generations, in time order within a booking
INSERT INTO booking_status_history (id, booking_id, from_status, to_status, changed_at, changed_by, note)
OVERRIDING SYSTEM VALUE
SELECT (b.i - 1) * 6 + p.step, b.id, p.from_status, p.to_status,
       CASE p.ev WHEN 'created' THEN b.created_at WHEN 'accepted' THEN b.t_acc WHEN 'started' THEN b.actual_start_at
                 WHEN 'ended' THEN CASE WHEN b.path = 12 THEN b.t_resolve ELSE b.actual_end_at END
                 WHEN 'cancelled' THEN b.t_cancel WHEN 'disputed' THEN b.t_dispute WHEN 'resolved' THEN b.t_resolve END,
       CASE WHEN p.ev = 'resolved' THEN 'demo_ops' ELSE 'marketplace_app' END,
       CASE p.ev
           WHEN 'cancelled' THEN b.cancellation_reason
           WHEN 'disputed' THEN 'Dispute opened: ' || b.dispute_reason
           WHEN 'resolved' THEN CASE b.resolution WHEN 'full_refund' THEN 'Dispute resolved: full refund'
                                                  WHEN 'partial_refund' THEN 'Dispute resolved: partial refund'
                                                  ELSE 'Dispute resolved: no refund' END
       END
FROM demo_b b
JOIN demo_path p ON p.path = b.path;

SELECT setval(pg_get_serial_sequence('booking_status_history', 'id'),
              greatest((SELECT max(id) FROM booking_status_history), 1));
