SELECT id, version, status::text AS status FROM bookings WHERE order_number = :orderNumber
