-- Membership through pg_has_role (not pg_auth_members) so that nested grants count as PostgreSQL
-- counts them; filtering pg_roles first keeps this safe on databases where a group does not exist.
SELECT g.rolname
FROM pg_catalog.pg_roles g
WHERE g.rolname = ANY(:groups)
  AND pg_catalog.pg_has_role(session_user, g.oid, 'MEMBER')
ORDER BY g.rolname
