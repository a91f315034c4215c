-- Analytics (issue 13): the materialized views the dashboards open from. Rules for every one of them:
--  * a UNIQUE index over plain columns covering every row, so REFRESH ... CONCURRENTLY works (keys that
--    may be NULL, such as a booking without a service area, use NULLS NOT DISTINCT);
--  * no now(): a refresh gives the same rows whatever hour it runs. Windows such as "the last 30 days"
--    end at the newest booking's time (window_end), which in a live market is the present anyway;
--  * days and weeks are the market's (America/Detroit), fixed here so two refreshes agree;
--  * no contact details (email, phone, address, coordinates, notes) ever enter them; a test checks.
-- Staff get SELECT on each view; refreshing goes through ops.refresh_analytics (V81).

-- ---------------------------------------------------------------------------------------------
-- 000's provider_stats, rewritten: the seed joins every booking to every active listing of its provider
-- and then counts DISTINCT, which multiplies the rows; aggregating each side once gives the same
-- numbers (the seed's AVG over k identical copies of each booking is the plain average). Same columns,
-- plus window_end: "the last 30 days" are the 30 days up to the newest booking.
DROP MATERIALIZED VIEW provider_stats;
CREATE MATERIALIZED VIEW provider_stats AS
WITH bounds AS (
    SELECT max(created_at) AS window_end FROM bookings
), recent AS (
    SELECT b.provider_id,
           count(*) AS jobs_last_30_days,
           avg(b.price_total) AS avg_order_value_30_days
    FROM bookings b, bounds
    WHERE b.status = 'completed' AND b.created_at > bounds.window_end - interval '30 days'
    GROUP BY b.provider_id
), active AS (
    SELECT l.provider_id, count(*) AS active_listings
    FROM listings l
    WHERE l.active = true
    GROUP BY l.provider_id
)
SELECT p.id,
       p.user_id,
       p.rating,
       p.completed_jobs,
       coalesce(a.active_listings, 0) AS active_listings,
       coalesce(r.jobs_last_30_days, 0) AS jobs_last_30_days,
       r.avg_order_value_30_days,
       bounds.window_end
FROM providers p
CROSS JOIN bounds
LEFT JOIN active a ON a.provider_id = p.id
LEFT JOIN recent r ON r.provider_id = p.id;
CREATE UNIQUE INDEX provider_stats_id_idx ON provider_stats (id);
CREATE INDEX provider_stats_recent_jobs_idx ON provider_stats (jobs_last_30_days DESC, id);

-- 001's provider_dashboard_stats, rewritten over the tables (each booking counted once per provider
-- before the join) with the seed's columns and meaning: orders' 'pending_acceptance' is bookings'
-- 'pending'; orders' payment 'completed' is bookings' 'paid' or 'partially_refunded'.
DROP MATERIALIZED VIEW provider_dashboard_stats;
CREATE MATERIALIZED VIEW provider_dashboard_stats AS
WITH per_provider AS (
    SELECT b.provider_id,
           count(*) AS total_orders,
           count(*) FILTER (WHERE b.status = 'completed') AS completed_orders,
           count(*) FILTER (WHERE b.status = 'pending') AS pending_orders,
           sum(CASE WHEN b.payment_status IN ('paid', 'partially_refunded') THEN b.price_total ELSE 0 END)
               AS total_earnings,
           avg(b.price_total) FILTER (WHERE b.status = 'completed') AS avg_order_value
    FROM bookings b
    GROUP BY b.provider_id
)
SELECT pv.id AS provider_id,
       coalesce(pv.business_name, pr.full_name, 'Provider ' || left(pv.id::text, 8)) AS business_name,
       coalesce(s.total_orders, 0) AS total_orders,
       coalesce(s.completed_orders, 0) AS completed_orders,
       coalesce(s.pending_orders, 0) AS pending_orders,
       coalesce(s.total_earnings, 0) AS total_earnings,
       s.avg_order_value,
       pv.rating,
       pv.review_count
FROM providers pv
JOIN profiles pr ON pr.id = pv.user_id
LEFT JOIN per_provider s ON s.provider_id = pv.id
WHERE pv.is_active = true;
CREATE UNIQUE INDEX provider_dashboard_stats_provider_idx ON provider_dashboard_stats (provider_id);

-- ---------------------------------------------------------------------------------------------
-- Bookings and money per market day, service area, category and status: the bookings/revenue/category/
-- area dashboards sum these few thousand rows instead of a million bookings.
CREATE MATERIALIZED VIEW analytics_daily_bookings AS
SELECT (b.created_at AT TIME ZONE 'America/Detroit')::date AS day,
       b.service_area_id,
       l.category::text AS category,
       b.status::text AS status,
       count(*) AS bookings,
       sum(b.price_total) AS gross_amount,
       sum(b.platform_fee) AS platform_fees,
       sum(b.refund_amount) AS refunded_amount
FROM bookings b
JOIN listings l ON l.id = b.listing_id
WHERE b.created_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX analytics_daily_bookings_key ON analytics_daily_bookings
    (day, service_area_id, category, status) NULLS NOT DISTINCT;

-- Refunds issued and disputes opened per market week (Monday), area and category, beside the week's
-- bookings, so the dispute rate is disputes opened / bookings booked that week. Reads the seed-era
-- refunds and disputes tables (V4) only.
CREATE MATERIALIZED VIEW analytics_weekly_refunds_disputes AS
WITH booked AS (
    SELECT date_trunc('week', b.created_at AT TIME ZONE 'America/Detroit')::date AS week,
           b.service_area_id, l.category::text AS category, count(*) AS bookings
    FROM bookings b JOIN listings l ON l.id = b.listing_id
    WHERE b.created_at IS NOT NULL
    GROUP BY 1, 2, 3
), refunded AS (
    SELECT date_trunc('week', coalesce(r.decided_at, r.requested_at) AT TIME ZONE 'America/Detroit')::date AS week,
           b.service_area_id, l.category::text AS category,
           count(*) AS refunds, sum(r.amount) AS refunded_amount
    FROM refunds r JOIN bookings b ON b.id = r.booking_id JOIN listings l ON l.id = b.listing_id
    WHERE r.status = 'issued'
    GROUP BY 1, 2, 3
), disputed AS (
    SELECT date_trunc('week', d.opened_at AT TIME ZONE 'America/Detroit')::date AS week,
           b.service_area_id, l.category::text AS category,
           count(*) AS disputes_opened,
           count(*) FILTER (WHERE d.status = 'resolved') AS disputes_resolved
    FROM disputes d JOIN bookings b ON b.id = d.booking_id JOIN listings l ON l.id = b.listing_id
    GROUP BY 1, 2, 3
), keys AS (
    SELECT week, service_area_id, category FROM booked
    UNION SELECT week, service_area_id, category FROM refunded
    UNION SELECT week, service_area_id, category FROM disputed
)
SELECT k.week,
       k.service_area_id,
       k.category,
       coalesce(bk.bookings, 0) AS bookings,
       coalesce(rf.refunds, 0) AS refunds,
       coalesce(rf.refunded_amount, 0) AS refunded_amount,
       coalesce(ds.disputes_opened, 0) AS disputes_opened,
       coalesce(ds.disputes_resolved, 0) AS disputes_resolved
FROM keys k
LEFT JOIN booked bk USING (week, service_area_id, category)
LEFT JOIN refunded rf USING (week, service_area_id, category)
LEFT JOIN disputed ds USING (week, service_area_id, category);
CREATE UNIQUE INDEX analytics_weekly_refunds_disputes_key ON analytics_weekly_refunds_disputes
    (week, service_area_id, category) NULLS NOT DISTINCT;

-- The verification funnel per market month of submission and provider type: how many submitted, how
-- many are verified, rejected, suspended or still waiting, and the median hours from submission to the
-- last document decision of those verified (the decision that let the admin verify them).
CREATE MATERIALIZED VIEW analytics_verification_funnel AS
WITH decided AS (
    SELECT d.provider_id, max(d.reviewed_at) AS last_decision_at
    FROM provider_documents d
    WHERE d.reviewed_at IS NOT NULL
    GROUP BY d.provider_id
)
SELECT date_trunc('month', p.submitted_for_verification_at AT TIME ZONE 'America/Detroit')::date AS month,
       p.type::text AS provider_type,
       count(*) AS submitted,
       count(*) FILTER (WHERE p.certification_status = 'verified') AS verified,
       count(*) FILTER (WHERE p.certification_status = 'rejected') AS rejected,
       count(*) FILTER (WHERE p.certification_status = 'suspended') AS suspended,
       count(*) FILTER (WHERE p.certification_status = 'pending') AS pending,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.last_decision_at
                                                                - p.submitted_for_verification_at) / 3600)
              FILTER (WHERE p.certification_status = 'verified'
                        AND d.last_decision_at >= p.submitted_for_verification_at))::numeric, 1)
           AS median_hours_to_verify
FROM providers p
LEFT JOIN decided d ON d.provider_id = p.id
GROUP BY 1, 2;
CREATE UNIQUE INDEX analytics_verification_funnel_key ON analytics_verification_funnel (month, provider_type);

-- Providers per market month: bookings, completed jobs, revenue of completed jobs, disputes. The top
-- providers dashboard sums a period's months and ranks; the covering index serves "one month, best first".
CREATE MATERIALIZED VIEW analytics_provider_months AS
WITH disputed AS (
    SELECT d.booking_id, count(*) AS disputes FROM disputes d GROUP BY d.booking_id
)
SELECT date_trunc('month', b.created_at AT TIME ZONE 'America/Detroit')::date AS month,
       b.provider_id,
       count(*) AS bookings,
       count(*) FILTER (WHERE b.status = 'completed') AS completed,
       coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue,
       coalesce(sum(ds.disputes), 0) AS disputes
FROM bookings b
LEFT JOIN disputed ds ON ds.booking_id = b.id
WHERE b.created_at IS NOT NULL
GROUP BY 1, 2;
CREATE UNIQUE INDEX analytics_provider_months_key ON analytics_provider_months (month, provider_id);
CREATE INDEX analytics_provider_months_revenue ON analytics_provider_months (month, revenue DESC)
    INCLUDE (provider_id, bookings, completed, disputes);

-- Every analytics view, in the order the console lists them; ops.refresh_analytics refreshes only these.
CREATE TABLE analytics_views (
    view_name  text PRIMARY KEY,
    title      text NOT NULL CHECK (btrim(title) <> ''),
    sort_order integer NOT NULL
);
INSERT INTO analytics_views (view_name, title, sort_order) VALUES
    ('analytics_daily_bookings', 'Bookings and revenue by day', 1),
    ('analytics_weekly_refunds_disputes', 'Refunds and disputes by week', 2),
    ('analytics_verification_funnel', 'Verification funnel', 3),
    ('analytics_provider_months', 'Top providers', 4),
    ('provider_stats', 'Provider performance (seed 000)', 5),
    ('provider_dashboard_stats', 'Provider dashboard (seed 001)', 6);

-- Reads: the same groups as before for the two seed views; the new ones hold no contact details, so
-- every staff group may read them (the dashboards are analysts', admins see everything).
GRANT SELECT ON provider_stats, provider_dashboard_stats TO tower_admin, tower_ops, tower_analyst;
GRANT SELECT ON analytics_daily_bookings, analytics_weekly_refunds_disputes, analytics_verification_funnel,
                analytics_provider_months, analytics_views TO tower_admin, tower_ops, tower_analyst;
