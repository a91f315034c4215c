-- Either the session already runs as someone else, or a stored setting would make it do so.
SELECT current_user <> session_user
    OR EXISTS (SELECT 1 FROM pg_catalog.pg_db_role_setting s, pg_catalog.unnest(s.setconfig) c
               WHERE s.setrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = session_user)
                 AND (c ILIKE 'role=%' OR c ILIKE 'session_authorization=%'))
