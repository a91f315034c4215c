SELECT ops.create_staff_login(:login, :displayName, :roleGroup, :verifier)::text
