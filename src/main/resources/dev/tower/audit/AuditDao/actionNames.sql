SELECT DISTINCT action_name FROM public.audit_logs WHERE action_name IS NOT NULL ORDER BY 1
