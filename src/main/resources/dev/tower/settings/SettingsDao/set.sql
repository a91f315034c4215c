SELECT * FROM ops.set_system_setting(:key, :value, :expectedUpdatedAt)
