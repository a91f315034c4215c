-- Demo data, step 8 (after every feature script): the bookings' search documents (V66) that the feature
-- scripts' own changes made stale (60_areas.sql moves some drop-offs), as the trigger would have kept them
-- during a load with triggers on. The bookings were loaded with their documents (05_bookings.sql); this only
-- rewrites those that differ, found by one set-based join (the keys are still off, so no look-up per row).

-- @step booking-search-documents
UPDATE bookings b
SET search_document = d.document
FROM (SELECT x.id, public.booking_search_text(x.order_number, c.full_name, v.business_name, pp.full_name,
                                              x.pickup_address, x.dropoff_address) AS document
      FROM bookings x
      JOIN profiles c ON c.id = x.consumer_id
      JOIN providers v ON v.id = x.provider_id
      LEFT JOIN profiles pp ON pp.id = v.user_id) d
WHERE d.id = b.id AND b.search_document IS DISTINCT FROM d.document;
