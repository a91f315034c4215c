-- Demo data, step 8 (after every feature script): the bookings' search documents (V66) that the feature
-- scripts' own changes made stale (60_areas.sql moves some drop-offs), as the trigger would have kept them
-- during a load with triggers on. The bookings were loaded with their documents (05_bookings.sql), and no
-- script renames anyone after that (the invariant tests would say so), so a stale document is one that no
-- longer starts with its order number or ends with its drop-off: found without a join, and only those rows
-- are rewritten. The keys are still off and the loaded tables have no statistics yet, so the join is told
-- to hash (a nested loop here ran for minutes at the large scale).

-- @step booking-search-documents
SET LOCAL enable_nestloop = off;
UPDATE bookings b
SET search_document = public.booking_search_text(b.order_number, c.full_name, v.business_name, pp.full_name,
                                                 b.pickup_address, b.dropoff_address)
FROM profiles c, providers v LEFT JOIN profiles pp ON pp.id = v.user_id
WHERE c.id = b.consumer_id AND v.id = b.provider_id
  AND (b.search_document IS NULL
       OR right(b.search_document, length(b.dropoff_address)) <> lower(b.dropoff_address)
       OR left(b.search_document, length(b.order_number)) <> lower(b.order_number));
RESET enable_nestloop;
