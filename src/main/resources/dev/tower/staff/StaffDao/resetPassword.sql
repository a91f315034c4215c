SELECT ops.reset_staff_password(:login, :verifier)::text
