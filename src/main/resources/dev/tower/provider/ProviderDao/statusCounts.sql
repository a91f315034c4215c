-- Providers per stored status. Exact under the threshold; above it the queue index's statistics
-- (pg_stats' most common values times the table estimate) so opening the queue never counts 100k rows.
WITH estimate AS (SELECT greatest(c.reltuples, 0)::bigint AS total FROM pg_class c WHERE c.oid = 'public.providers'::regclass)
SELECT s.status,
       CASE WHEN e.total <= :exactBelow
            THEN (SELECT count(*) FROM providers p WHERE p.certification_status = s.status)
            ELSE coalesce((SELECT round(f.freq * e.total)::bigint
                           FROM pg_stats st,
                                LATERAL unnest(st.most_common_vals::text::text[], st.most_common_freqs) AS f(val, freq)
                           WHERE st.schemaname = 'public' AND st.tablename = 'providers'
                             AND st.attname = 'certification_status' AND f.val = s.status), 0)
       END AS providers,
       e.total > :exactBelow AS estimated
FROM (VALUES ('pending'), ('verified'), ('rejected'), ('suspended')) s(status), estimate e
