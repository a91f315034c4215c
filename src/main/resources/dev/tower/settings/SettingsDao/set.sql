SELECT ops.set_system_setting(:key, :value, :expectedUpdatedAt)
