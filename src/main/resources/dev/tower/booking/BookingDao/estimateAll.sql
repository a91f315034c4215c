-- reltuples is -1 before the first ANALYZE; then the table is small and 0 is a fine estimate.
SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'public.bookings'::regclass
