-- What refreshing the seed's provider_stats as written computes (V7): every booking joined to every
-- active listing of its provider, then COUNT(DISTINCT ...).
SELECT count(*) FROM (
SELECT p.id, p.user_id, p.rating, p.completed_jobs, COUNT(DISTINCT l.id) AS active_listings,
  COUNT(DISTINCT CASE WHEN b.status = 'completed' AND b.created_at > NOW() - INTERVAL '30 days' THEN b.id END) AS jobs_last_30_days,
  AVG(CASE WHEN b.status = 'completed' AND b.created_at > NOW() - INTERVAL '30 days' THEN b.price_total END) AS avg_order_value_30_days
FROM providers p
LEFT JOIN listings l ON p.id = l.provider_id AND l.active = true
LEFT JOIN bookings b ON p.id = b.provider_id
GROUP BY p.id, p.user_id, p.rating, p.completed_jobs) seed
