SELECT b.id FROM public.bookings b ORDER BY b.created_at DESC, b.id DESC LIMIT 1
