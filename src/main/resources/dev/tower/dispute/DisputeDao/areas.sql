SELECT id, name FROM service_areas ORDER BY name
