-- Seed 000: total = price_base + distance_miles * price_per_mile + estimated_minutes * price_per_minute.
-- Miles: great-circle distance pick-up to drop-off (haversine, earth radius 3958.8 mi), none without a
-- pick-up point; minutes: the scheduled slot. Platform fee: system setting platform.fee_percent.
WITH b AS (SELECT * FROM bookings WHERE id = :id),
calc AS (
    SELECT b.id,
           CASE WHEN b.pickup_lat IS NULL OR b.pickup_lng IS NULL THEN 0::numeric
                ELSE round((2 * 3958.8 * asin(sqrt(
                         power(sin(radians((b.dropoff_lat - b.pickup_lat)::float8) / 2), 2)
                       + cos(radians(b.pickup_lat::float8)) * cos(radians(b.dropoff_lat::float8))
                       * power(sin(radians((b.dropoff_lng - b.pickup_lng)::float8) / 2), 2))))::numeric, 2)
           END AS miles,
           round(coalesce(extract(epoch FROM (b.scheduled_end_at - b.scheduled_at)) / 60, 0)::numeric, 0) AS minutes
    FROM b
),
fee AS (SELECT coalesce((SELECT (config_value #>> '{}')::numeric FROM system_config
                         WHERE config_key = 'platform.fee_percent'), 0) AS percent)
SELECT b.id, b.order_number, b.status::text AS status, b.version, b.created_at,
       b.consumer_id AS customer_id, c.full_name AS customer_name,
       b.provider_id, coalesce(v.business_name, pp.full_name) AS provider_name,
       l.title AS listing_title, l.category::text AS category,
       b.scheduled_at, b.scheduled_end_at, b.actual_start_at, b.actual_end_at,
       b.pickup_address, b.pickup_lat, b.pickup_lng, b.dropoff_address, b.dropoff_lat, b.dropoff_lng,
       b.special_instructions, b.customer_notes, b.provider_notes, b.cancellation_code, b.cancellation_reason,
       calc.miles, calc.minutes,
       l.price_base AS base_price,
       round(calc.miles * coalesce(l.price_per_mile, 0), 2) AS distance_price,
       round(calc.minutes * coalesce(l.price_per_minute, 0), 2) AS time_price,
       l.price_base + round(calc.miles * coalesce(l.price_per_mile, 0), 2)
                    + round(calc.minutes * coalesce(l.price_per_minute, 0), 2) AS computed_service_price,
       fee.percent AS fee_percent,
       round((l.price_base + round(calc.miles * coalesce(l.price_per_mile, 0), 2)
                           + round(calc.minutes * coalesce(l.price_per_minute, 0), 2)) * fee.percent / 100, 2)
           AS computed_platform_fee,
       b.service_price AS recorded_service_price, b.platform_fee AS recorded_platform_fee,
       b.tax_amount AS recorded_tax, b.price_total AS recorded_total,
       (SELECT coalesce(sum(p.amount), 0) FROM payments p
        WHERE p.order_id = b.id AND p.status IN ('completed', 'refunded', 'partially_refunded')) AS paid,
       (SELECT coalesce(sum(r.amount), 0) FROM refunds r WHERE r.booking_id = b.id AND r.status = 'issued') AS refunded,
       b.payment_status::text AS payment_status
FROM b
JOIN calc ON calc.id = b.id
CROSS JOIN fee
JOIN listings l ON l.id = b.listing_id
JOIN profiles c ON c.id = b.consumer_id
JOIN providers v ON v.id = b.provider_id
LEFT JOIN profiles pp ON pp.id = v.user_id
