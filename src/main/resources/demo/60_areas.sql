-- Demo data for the Service areas map (issue 10): demand that no area covers. About one recent booking
-- in sixteen gets its drop-off moved into a suburb without an area (Troy, Southfield, Livonia, Warren), so
-- the map's demand layer shows where customers want service and nobody is set up to serve them.
-- Deterministic (hashes of the order number), set-based, and touches only the last 30 days' bookings.

-- @step uncovered demand
WITH suburb (k, city, zip, street, lat, lng, spread) AS (
    VALUES (0, 'Troy', '48084', 'Big Beaver Rd', 42.6064, -83.1498, 0.030),
           (1, 'Southfield', '48075', 'Telegraph Rd', 42.4800, -83.2550, 0.022),
           (2, 'Livonia', '48152', 'Middlebelt Rd', 42.3920, -83.3600, 0.028),
           (3, 'Warren', '48093', 'Van Dyke Ave', 42.5145, -83.0147, 0.018)
), moved AS (
    SELECT b.id, s.city, s.zip, s.street,
           s.lat + s.spread * ((abs(hashtext(b.order_number || 'lat')) % 2001) / 1000.0 - 1) AS lat,
           s.lng + s.spread * 1.35 * ((abs(hashtext(b.order_number || 'lng')) % 2001) / 1000.0 - 1) AS lng,
           1 + abs(hashtext(b.order_number || 'no')) % 4800 AS house
    FROM bookings b
    -- Troy draws the most demand, Warren the least
    JOIN suburb s ON s.k = CASE WHEN abs(hashtext(b.order_number || 'k')) % 10 < 4 THEN 0
                                WHEN abs(hashtext(b.order_number || 'k')) % 10 < 7 THEN 1
                                WHEN abs(hashtext(b.order_number || 'k')) % 10 < 9 THEN 2 ELSE 3 END
    WHERE b.created_at >= ${as_of} - interval '30 days'
      AND abs(hashtext(b.order_number)) % 16 = 0
)
UPDATE bookings b
SET dropoff_lat = round(m.lat::numeric, 6),
    dropoff_lng = round(m.lng::numeric, 6),
    dropoff_address = m.house || ' ' || m.street || ', ' || m.city || ', MI ' || m.zip
FROM moved m
WHERE b.id = m.id;

-- The drop-offs per day and 0.01° cell, those outside every area and those inside each area's edge
-- cells, that the area list and the map read (V62, V63). The load runs with triggers off, so they are
-- counted once here, set-based, after the last change to the bookings' drop-offs above.
-- @step dropoff_cells
SELECT tower_internal.recount_dropoffs();
ANALYZE booking_dropoff_cells;
