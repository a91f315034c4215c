SELECT s.display_name, s.disabled
FROM public.staff_members s
WHERE s.login = session_user
