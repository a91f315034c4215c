SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user
