-- JinBean (001) names for the merged tables, so 001's queries and its dashboard view run unchanged.
-- security_invoker: a view reads with the rights of whoever queries it, never its owner's, so it
-- cannot leak a column or row the caller could not read from the table itself.

CREATE VIEW users WITH (security_invoker = true) AS
SELECT p.id,
       p.email,
       p.full_name,
       p.phone,
       p.avatar_url,
       CASE p.role WHEN 'consumer' THEN 'customer' ELSE p.role::text END AS user_type,
       p.status,
       p.email_verified,
       p.phone_verified,
       p.created_at,
       p.updated_at
FROM profiles p;

-- In 001 provider_profiles.id was the person's id; here it is the provider's id, which is what
-- orders.provider_id holds, so 001's joins still pair the right rows.
CREATE VIEW provider_profiles WITH (security_invoker = true) AS
SELECT pv.id,
       pv.user_id,
       coalesce(pv.business_name, pr.full_name, 'Provider ' || left(pv.id::text, 8)) AS business_name,
       pv.business_description,
       pv.business_phone,
       pv.business_email,
       pv.business_address,
       pv.business_website,
       pv.service_areas,
       pv.service_categories,
       pv.certification_status,
       pv.verification_documents,
       pv.is_active,
       pv.rating,
       pv.review_count,
       pv.total_orders,
       pv.total_earnings,
       pv.created_at,
       pv.updated_at
FROM providers pv
JOIN profiles pr ON pr.id = pv.user_id;

CREATE VIEW provider_services WITH (security_invoker = true) AS
SELECT l.id,
       l.provider_id,
       l.title,
       l.description,
       coalesce(l.category_level1_id, 'cat.' || l.category::text) AS category_level1_id,
       l.category_level2_id,
       CASE WHEN l.active THEN 'active' ELSE 'inactive' END AS status,
       l.price_base AS price,
       l.pricing_type,
       l.currency,
       l.duration_minutes,
       l.availability,
       l.images,
       l.tags,
       l.average_rating,
       l.review_count,
       l.order_count,
       l.search_vector,
       l.created_at,
       l.updated_at
FROM listings l;

CREATE VIEW orders WITH (security_invoker = true) AS
SELECT b.id,
       b.order_number,
       b.consumer_id AS customer_id,
       b.provider_id,
       b.listing_id AS service_id,
       CASE b.status WHEN 'pending' THEN 'pending_acceptance' ELSE b.status::text END AS order_status,
       CASE b.payment_status WHEN 'paid' THEN 'completed'
                             WHEN 'partially_refunded' THEN 'completed'
                             ELSE b.payment_status::text END AS payment_status,
       b.price_total AS total_price,
       b.service_price,
       b.platform_fee,
       b.tax_amount,
       b.scheduled_at AS scheduled_start_time,
       b.scheduled_end_at AS scheduled_end_time,
       b.actual_start_at AS actual_start_time,
       b.actual_end_at AS actual_end_time,
       b.customer_notes,
       b.provider_notes,
       b.cancellation_reason,
       b.refund_amount,
       b.created_at,
       b.updated_at
FROM bookings b;

-- 000: provider performance summary, as written in the seed.
CREATE MATERIALIZED VIEW provider_stats AS
SELECT
  p.id,
  p.user_id,
  p.rating,
  p.completed_jobs,
  COUNT(DISTINCT l.id) as active_listings,
  COUNT(DISTINCT CASE WHEN b.status = 'completed' AND b.created_at > NOW() - INTERVAL '30 days' THEN b.id END) as jobs_last_30_days,
  AVG(CASE WHEN b.status = 'completed' AND b.created_at > NOW() - INTERVAL '30 days' THEN b.price_total END) as avg_order_value_30_days
FROM providers p
LEFT JOIN listings l ON p.id = l.provider_id AND l.active = true
LEFT JOIN bookings b ON p.id = b.provider_id
GROUP BY p.id, p.user_id, p.rating, p.completed_jobs;
-- The seed's plain index, made unique so REFRESH ... CONCURRENTLY works.
CREATE UNIQUE INDEX provider_stats_id_idx ON provider_stats (id);

-- 001: provider dashboard statistics, as written in the seed (over the views above).
CREATE MATERIALIZED VIEW provider_dashboard_stats AS
SELECT
    pp.id as provider_id,
    pp.business_name,
    COUNT(DISTINCT o.id) as total_orders,
    COUNT(DISTINCT CASE WHEN o.order_status = 'completed' THEN o.id END) as completed_orders,
    COUNT(DISTINCT CASE WHEN o.order_status = 'pending_acceptance' THEN o.id END) as pending_orders,
    SUM(CASE WHEN o.payment_status = 'completed' THEN o.total_price ELSE 0 END) as total_earnings,
    AVG(CASE WHEN o.order_status = 'completed' THEN o.total_price END) as avg_order_value,
    pp.rating,
    pp.review_count
FROM provider_profiles pp
LEFT JOIN orders o ON pp.id = o.provider_id
WHERE pp.is_active = true
GROUP BY pp.id, pp.business_name, pp.rating, pp.review_count;
CREATE UNIQUE INDEX provider_dashboard_stats_provider_idx ON provider_dashboard_stats (provider_id);

INSERT INTO mv_refresh_log (view_name, duration_ms, was_concurrent) VALUES
    ('provider_stats', 0, false),
    ('provider_dashboard_stats', 0, false);
