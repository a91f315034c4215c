-- The disputes queue's deepest page by keyset: the query the seeds' end-user policies (auth.uid(),
-- not leakproof) used to cost staff their index plan on, 275 ms as demo_ops against 1.1 ms as superuser.
SELECT b.id, b.order_number, b.status, b.created_at, b.price_total
FROM public.bookings b
WHERE b.status = 'disputed'
  AND (b.created_at, b.id) < (CAST(:beforeCreatedAt AS timestamptz), CAST(:beforeId AS uuid))
ORDER BY b.created_at DESC, b.id DESC
LIMIT 50
