-- Top providers over several months (issue 13): the dashboard takes each month's best providers through
-- analytics_provider_months_revenue, then sums only those candidates' months, which this index finds.
CREATE INDEX analytics_provider_months_provider ON analytics_provider_months (provider_id, month)
    INCLUDE (bookings, completed, revenue, disputes);
