-- Exactly one slice of the funnel view (V110): every provider, or those serving the area, offering the
-- category, or both; so each provider is counted once whatever the filter.
SELECT f.month, f.provider_type, f.submitted, f.verified, f.rejected, f.suspended, f.pending,
       f.median_hours_to_verify
FROM public.analytics_verification_funnel f
WHERE f.month >= date_trunc('month', CAST(:from AS date))::date AND f.month <= :to
  AND f.service_area_id IS NOT DISTINCT FROM CAST(:area AS uuid)
  AND f.category IS NOT DISTINCT FROM CAST(:category AS text)
ORDER BY f.month, f.provider_type
