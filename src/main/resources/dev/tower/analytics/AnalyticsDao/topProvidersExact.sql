-- Every provider's months in the period summed, best revenue first: exact, and slow at 100k providers.
SELECT m.provider_id,
       coalesce(p.business_name, 'Provider ' || left(m.provider_id::text, 8)) AS name,
       sum(m.bookings)::bigint AS bookings,
       sum(m.completed)::bigint AS completed,
       sum(m.revenue) AS revenue,
       sum(m.disputes)::bigint AS disputes
FROM public.analytics_provider_months m
JOIN public.providers p ON p.id = m.provider_id
WHERE m.month >= date_trunc('month', CAST(:from AS date))::date AND m.month <= :to
GROUP BY m.provider_id, p.business_name
ORDER BY revenue DESC, m.provider_id
LIMIT :limit
