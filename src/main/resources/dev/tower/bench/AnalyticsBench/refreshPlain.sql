REFRESH MATERIALIZED VIEW public.provider_stats
