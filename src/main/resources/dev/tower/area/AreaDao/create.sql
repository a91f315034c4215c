SELECT id, version FROM ops.create_service_area(:name, :centerLat, :centerLng, :radiusMiles)
