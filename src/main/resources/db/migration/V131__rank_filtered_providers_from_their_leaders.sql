-- Filtered top providers: an index on each row's whole total, so a ranking reads its leaders first.
--
-- Why: V130's ranking read every provider of the filter's slice (36k for the busiest area) to rank one
-- period, 27-55 ms at a million bookings, at the dashboards' 50 ms target. A provider's revenue in any period
-- is at most its total over all months (revenue is a sum of completed bookings' price_total, which
-- chk_orders_price_positive keeps at zero or more, so the running totals never fall). The ranking now takes
-- the slice's 200 largest totals from this index, ranks their periods, and keeps the N-th best as a bar:
-- only providers whose total reaches the bar can be in the top N, and they are one more range of this index
-- (16 rows for the busiest area over a year). The result is the same exact ranking.
--
-- The slice's columns lead, so both reads are one range of the index; the total is the last element of
-- revenue_through (every row has at least one month).
CREATE INDEX analytics_provider_running_totals_total ON analytics_provider_running_totals
    (service_area_id, category, (revenue_through[cardinality(revenue_through)]) DESC);
