SELECT ops.deactivate_service_area(:id, :expectedVersion, :confirmed)
