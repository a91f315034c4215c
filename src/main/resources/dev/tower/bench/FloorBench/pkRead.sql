-- One booking by primary key: the cheapest read of a real row, the floor every other figure is a multiple of.
SELECT b.id, b.status, b.updated_at FROM public.bookings b WHERE b.id = :id
