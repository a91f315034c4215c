-- The busiest providers of the last 30 days from the materialized view, as a dashboard tile reads them.
SELECT s.id, s.rating, s.completed_jobs, s.active_listings, s.jobs_last_30_days, s.avg_order_value_30_days
FROM public.provider_stats s
ORDER BY s.jobs_last_30_days DESC, s.id
LIMIT 20
