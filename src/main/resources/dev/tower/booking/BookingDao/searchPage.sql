-- Search: each branch is one field on its own index (trigram GIN for '%term%', the unique order-number
-- btree for a short prefix); the union of ids is then filtered and keyset-paged like page.sql.
WITH hits AS (
    SELECT b.id FROM bookings b WHERE b.order_number ILIKE :pattern
    UNION
    SELECT b.id FROM bookings b WHERE :trigram AND b.dropoff_address ILIKE :pattern
    UNION
    SELECT b.id FROM bookings b WHERE :trigram AND b.pickup_address ILIKE :pattern
    UNION
    SELECT b.id FROM profiles p JOIN bookings b ON b.consumer_id = p.id
    WHERE :trigram AND p.full_name ILIKE :pattern
    UNION
    SELECT b.id FROM providers v JOIN bookings b ON b.provider_id = v.id
    WHERE :trigram AND v.business_name ILIKE :pattern
    UNION
    SELECT b.id FROM profiles p JOIN providers v ON v.user_id = p.id JOIN bookings b ON b.provider_id = v.id
    WHERE :trigram AND p.full_name ILIKE :pattern
)
SELECT b.id, b.order_number, b.created_at, b.scheduled_at, b.status::text AS status,
       b.payment_status::text AS payment_status, c.full_name AS customer_name,
       coalesce(v.business_name, pp.full_name) AS provider_name, b.dropoff_address, b.price_total, b.version
FROM hits h
JOIN bookings b ON b.id = h.id
JOIN profiles c ON c.id = b.consumer_id
JOIN providers v ON v.id = b.provider_id
LEFT JOIN profiles pp ON pp.id = v.user_id
WHERE (CAST(:f.status AS text) IS NULL OR b.status = CAST(:f.status AS booking_status))
  AND (CAST(:f.paymentStatus AS text) IS NULL OR b.payment_status = CAST(:f.paymentStatus AS payment_status))
  AND (CAST(:f.from AS timestamptz) IS NULL OR b.created_at >= :f.from)
  AND (CAST(:f.to AS timestamptz) IS NULL OR b.created_at < :f.to)
  AND (CAST(:f.serviceAreaId AS uuid) IS NULL OR b.service_area_id = :f.serviceAreaId)
  AND (CAST(:f.category AS text) IS NULL
       OR b.listing_id IN (SELECT l.id FROM listings l WHERE l.category = CAST(:f.category AS service_category)))
  AND (CAST(:f.providerId AS uuid) IS NULL OR b.provider_id = :f.providerId)
  AND (CAST(:f.customerId AS uuid) IS NULL OR b.consumer_id = :f.customerId)
  AND (CAST(:f.startedLateByHours AS integer) IS NULL
       OR (b.status = 'accepted' AND b.actual_start_at IS NULL
           AND b.scheduled_at < now() - make_interval(hours => CAST(:f.startedLateByHours AS integer))))
  AND (CAST(:c.at AS timestamptz) IS NULL OR (b.<sortColumn>, b.id) <after> (:c.at, :c.id))
ORDER BY b.<sortColumn> <direction>, b.id <direction>
LIMIT :limit
