SELECT version FROM bookings WHERE id = :id
