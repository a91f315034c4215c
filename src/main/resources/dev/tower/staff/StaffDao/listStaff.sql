-- Every staff login with what PostgreSQL will really let it do: a login can be disabled in
-- staff_members and still hold LOGIN only if someone bypassed Tower; the screen shows both.
SELECT s.login,
       s.display_name,
       s.role_group,
       s.disabled,
       coalesce(r.rolcanlogin, false) AS can_log_in,
       s.created_at,
       s.created_by
FROM public.staff_members s
LEFT JOIN pg_catalog.pg_roles r ON r.rolname = s.login
ORDER BY lower(s.display_name), s.login
