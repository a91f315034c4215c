SELECT ops.set_staff_disabled(:login, :disabled)::text
