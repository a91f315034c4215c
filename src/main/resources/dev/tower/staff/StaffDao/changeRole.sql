SELECT ops.change_staff_role(:login, :roleGroup)::text
