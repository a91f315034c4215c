SELECT version, success FROM public.flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank
