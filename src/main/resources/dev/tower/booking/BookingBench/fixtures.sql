-- Rows the booking benchmark works on: a deep keyset position (page 1,000 of 50, or half way on a
-- small demo), one value of each filter, a common and a rare search term, an order number, and a booking in each state a move starts from.
WITH depth AS (SELECT least(50000, (SELECT count(*) / 2 FROM (SELECT 1 FROM bookings LIMIT 100000) s)) AS n),
deep AS (SELECT created_at, id, order_number FROM bookings ORDER BY created_at DESC, id DESC
         OFFSET (SELECT n FROM depth) LIMIT 1)
SELECT (SELECT n FROM depth) AS deep_offset,
       (SELECT created_at FROM deep) AS deep_created_at,
       (SELECT id FROM deep) AS deep_id,
       (SELECT service_area_id FROM bookings WHERE service_area_id IS NOT NULL LIMIT 1) AS area_id,
       (SELECT provider_id FROM bookings LIMIT 1) AS provider_id,
       (SELECT consumer_id FROM bookings LIMIT 1) AS customer_id,
       (SELECT split_part(p.full_name, ' ', 2) FROM bookings b JOIN profiles p ON p.id = b.consumer_id
        WHERE p.full_name LIKE '% %' LIMIT 1) AS search_word,
       -- a rare term: one drop-off's house number and street (a handful of bookings)
       (SELECT split_part(dropoff_address, ',', 1) FROM bookings ORDER BY created_at, id LIMIT 1) AS rare_word,
       (SELECT order_number FROM deep) AS deep_order_number,
       (SELECT id FROM bookings WHERE status = 'pending' LIMIT 1) AS pending_id,
       (SELECT id FROM bookings WHERE status = 'accepted' LIMIT 1) AS accepted_id,
       (SELECT id FROM bookings WHERE status = 'in_progress' LIMIT 1) AS in_progress_id,
       (SELECT id FROM bookings WHERE status = 'completed' LIMIT 1) AS completed_id
