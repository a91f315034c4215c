SELECT ops.edit_service_area(:id, :expectedVersion, :name, :centerLat, :centerLng, :radiusMiles)
