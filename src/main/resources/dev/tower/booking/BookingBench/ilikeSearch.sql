-- The search as one OR of ILIKE '%term%' over every field, for comparison only: no index can serve it.
SELECT b.id FROM bookings b JOIN profiles c ON c.id = b.consumer_id
JOIN providers v ON v.id = b.provider_id LEFT JOIN profiles pp ON pp.id = v.user_id
WHERE b.order_number ILIKE :pattern OR b.dropoff_address ILIKE :pattern OR b.pickup_address ILIKE :pattern
   OR c.full_name ILIKE :pattern OR v.business_name ILIKE :pattern OR pp.full_name ILIKE :pattern
ORDER BY b.created_at DESC, b.id DESC
LIMIT :limit
