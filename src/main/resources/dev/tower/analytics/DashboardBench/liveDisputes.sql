-- The naive dispute-rate dashboard: bookings, refunds and disputes of the period's weeks aggregated from the
-- raw tables on every open, within the area and category (null: any).
WITH narrowed AS (
    SELECT b.id, b.created_at
    FROM bookings b JOIN listings l ON l.id = b.listing_id
    WHERE (CAST(:area AS uuid) IS NULL OR b.service_area_id = CAST(:area AS uuid))
      AND (CAST(:category AS text) IS NULL OR l.category::text = CAST(:category AS text))
), booked AS (
    SELECT date_trunc('week', b.created_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS bookings
    FROM narrowed b
    WHERE b.created_at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'America/Detroit')
      AND b.created_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'America/Detroit')
    GROUP BY 1
), refunded AS (
    SELECT date_trunc('week', coalesce(r.decided_at, r.requested_at) AT TIME ZONE 'America/Detroit')::date AS week,
           count(*) AS refunds, sum(r.amount) AS amount
    FROM refunds r JOIN narrowed b ON b.id = r.booking_id WHERE r.status = 'issued' GROUP BY 1
), disputed AS (
    SELECT date_trunc('week', d.opened_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS opened
    FROM disputes d JOIN narrowed b ON b.id = d.booking_id GROUP BY 1
)
SELECT k.week, k.bookings, coalesce(r.refunds, 0) AS refunds, coalesce(r.amount, 0) AS refunded_amount,
       coalesce(d.opened, 0) AS disputes_opened
FROM booked k LEFT JOIN refunded r USING (week) LEFT JOIN disputed d USING (week)
ORDER BY 1
