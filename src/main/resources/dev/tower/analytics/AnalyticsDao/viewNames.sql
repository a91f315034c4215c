SELECT v.view_name FROM public.analytics_views v ORDER BY v.sort_order
