SELECT a.id, a.name FROM public.service_areas a ORDER BY a.name
