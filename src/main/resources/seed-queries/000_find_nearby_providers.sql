-- Get providers within radius of a point
SELECT 
  p.*,
  pr.full_name,
  pr.avatar_url,
  COUNT(l.id) as listing_count,
  AVG(l.price_base) as avg_price
FROM providers p
JOIN profiles pr ON p.user_id = pr.id
LEFT JOIN listings l ON p.id = l.provider_id AND l.active = true
WHERE p.verified = true
  AND p.service_areas && ARRAY['Downtown Detroit', 'Midtown Detroit']
GROUP BY p.id, pr.full_name, pr.avatar_url
ORDER BY p.rating DESC, p.completed_jobs DESC
LIMIT 20;
