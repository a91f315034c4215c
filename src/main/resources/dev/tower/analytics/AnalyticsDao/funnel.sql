SELECT f.month, f.provider_type, f.submitted, f.verified, f.rejected, f.suspended, f.pending,
       f.median_hours_to_verify
FROM public.analytics_verification_funnel f
WHERE f.month >= date_trunc('month', CAST(:from AS date))::date AND f.month <= :to
ORDER BY f.month, f.provider_type
