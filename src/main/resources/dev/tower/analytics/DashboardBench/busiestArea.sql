SELECT d.service_area_id FROM analytics_daily_bookings d
WHERE d.service_area_id IS NOT NULL
GROUP BY d.service_area_id ORDER BY sum(d.bookings) DESC, d.service_area_id LIMIT 1
