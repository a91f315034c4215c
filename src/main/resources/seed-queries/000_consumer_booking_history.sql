-- Consumer booking history
SELECT 
  b.*,
  l.title as service_title,
  l.category,
  pr.full_name as provider_name,
  pr.avatar_url as provider_avatar
FROM bookings b
JOIN listings l ON b.listing_id = l.id
JOIN providers p ON b.provider_id = p.id
JOIN profiles pr ON p.user_id = pr.id
WHERE b.consumer_id = $1
ORDER BY b.created_at DESC
LIMIT 50;
