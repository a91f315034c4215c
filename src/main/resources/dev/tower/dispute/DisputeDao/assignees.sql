-- Who can work disputes: active ops and admin logins.
SELECT login AS code, display_name AS label FROM staff_members
WHERE NOT disabled AND role_group IN ('tower_admin', 'tower_ops') ORDER BY display_name, login
