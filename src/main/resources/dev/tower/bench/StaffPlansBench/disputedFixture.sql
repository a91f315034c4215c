-- The keyset position 50 rows above the oldest disputed booking: the start of the last page.
SELECT created_at, id
FROM public.bookings
WHERE status = 'disputed'
ORDER BY created_at, id
OFFSET 50 LIMIT 1
