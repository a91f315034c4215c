-- The same page by OFFSET, for comparison only (the console never pages this way).
SELECT b.id, b.order_number, b.created_at FROM bookings b ORDER BY b.created_at DESC, b.id DESC OFFSET :offset LIMIT :limit
