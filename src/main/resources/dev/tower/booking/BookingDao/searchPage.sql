-- Search (V66): one page of the bookings whose search document (or order number) matches, filtered and
-- keyset-paged like page.sql. <source> and <match> come from BookingSearch's constants, never user text:
--   walk:    <source> is the next :window bookings in the list's order from the cursor (an index range), and
--            the document is matched in them; a common term fills a page here;
--   indexed: <source> is bookings and the match is the document's trigram index (a rare term: few rows to
--            fetch and sort), used when the walk's window held less than a page;
--   order:   an order-number prefix on the unique order-number index.
SELECT b.id, b.order_number, b.created_at, b.scheduled_at, b.status::text AS status,
       b.payment_status::text AS payment_status, c.full_name AS customer_name,
       coalesce(v.business_name, pp.full_name) AS provider_name, b.dropoff_address, b.price_total, b.version
FROM <source> b
JOIN profiles c ON c.id = b.consumer_id
JOIN providers v ON v.id = b.provider_id
LEFT JOIN profiles pp ON pp.id = v.user_id
WHERE <match>
  AND (CAST(:f.status AS text) IS NULL OR b.status = CAST(:f.status AS booking_status))
  AND (CAST(:f.paymentStatus AS text) IS NULL OR b.payment_status = CAST(:f.paymentStatus AS payment_status))
  AND (CAST(:f.from AS timestamptz) IS NULL OR b.created_at >= :f.from)
  AND (CAST(:f.to AS timestamptz) IS NULL OR b.created_at < :f.to)
  AND (CAST(:f.serviceAreaId AS uuid) IS NULL OR b.service_area_id = :f.serviceAreaId)
  AND (CAST(:f.category AS text) IS NULL
       OR (SELECT l.category FROM listings l WHERE l.id = b.listing_id) = CAST(:f.category AS service_category))
  AND (CAST(:f.providerId AS uuid) IS NULL OR b.provider_id = :f.providerId)
  AND (CAST(:f.customerId AS uuid) IS NULL OR b.consumer_id = :f.customerId)
  AND (CAST(:f.startedLateByHours AS integer) IS NULL
       OR (b.status = 'accepted' AND b.actual_start_at IS NULL
           AND b.scheduled_at < now() - make_interval(hours => CAST(:f.startedLateByHours AS integer))))
  AND (CAST(:c.at AS timestamptz) IS NULL OR (b.<sortColumn>, b.id) <after> (:c.at, :c.id))
ORDER BY b.<sortColumn> <direction>, b.id <direction>
LIMIT :limit
