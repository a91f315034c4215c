SELECT p.email, p.phone, p.address FROM bookings b JOIN profiles p ON p.id = b.consumer_id WHERE b.id = :id
