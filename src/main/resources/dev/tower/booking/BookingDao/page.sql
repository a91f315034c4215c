-- Newest first by default, keyset on (sort time, id): the row comparison walks idx_bookings_created_id or
-- idx_bookings_scheduled_id (or the (filter, created_at, id) index of an equality filter) from the cursor on,
-- at the same cost at any depth. <sortColumn>, <direction>, <after> come from BookingSort's constants.
-- Each filter is "IS NULL OR equal", planned with the actual values (custom plan). The category is read per
-- walked row from its listing's primary key: every category holds 15 % or more of the bookings, so a page
-- needs a few hundred look-ups, where "listing_id IN (listings of the category)" hashed some 65,000 listings
-- first (37 ms at 1M bookings).
-- The page is cut from bookings alone, then joined to the names: joined first, the planner expected the
-- whole table to flow through the joins and put a Memoize (a hash table sized for 300k customers) in front
-- of each name look-up, 9 ms of a 51-row page at 1M bookings against 1.6 ms this way.
SELECT b.id, b.order_number, b.created_at, b.scheduled_at, b.status::text AS status,
       b.payment_status::text AS payment_status, c.full_name AS customer_name,
       coalesce(v.business_name, pp.full_name) AS provider_name, b.dropoff_address, b.price_total, b.version
FROM (SELECT * FROM bookings b
      WHERE (CAST(:f.status AS text) IS NULL OR b.status = CAST(:f.status AS booking_status))
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
      LIMIT :limit) b
JOIN profiles c ON c.id = b.consumer_id
JOIN providers v ON v.id = b.provider_id
LEFT JOIN profiles pp ON pp.id = v.user_id
ORDER BY b.<sortColumn> <direction>, b.id <direction>
