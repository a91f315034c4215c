WITH booked AS (
    SELECT date_trunc('week', b.created_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS bookings
    FROM bookings b JOIN listings l ON l.id = b.listing_id WHERE b.created_at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'America/Detroit')
  AND b.created_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'America/Detroit') GROUP BY 1
), refunded AS (
    SELECT date_trunc('week', coalesce(r.decided_at, r.requested_at) AT TIME ZONE 'America/Detroit')::date AS week,
           count(*) AS refunds, sum(r.amount) AS amount
    FROM refunds r WHERE r.status = 'issued' GROUP BY 1
), disputed AS (
    SELECT date_trunc('week', d.opened_at AT TIME ZONE 'America/Detroit')::date AS week, count(*) AS opened
    FROM disputes d GROUP BY 1
)
SELECT k.week, k.bookings, coalesce(r.refunds, 0) AS refunds, coalesce(r.amount, 0) AS refunded_amount,
       coalesce(d.opened, 0) AS disputes_opened
FROM booked k LEFT JOIN refunded r USING (week) LEFT JOIN disputed d USING (week)
ORDER BY 1
