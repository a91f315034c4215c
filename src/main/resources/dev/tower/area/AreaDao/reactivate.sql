SELECT ops.reactivate_service_area(:id, :expectedVersion)
