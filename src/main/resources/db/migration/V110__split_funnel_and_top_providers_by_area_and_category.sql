-- Analytics (issue 13, review): the verification funnel and top providers honour the area and category
-- filters like the other dashboards, still read from materialized views (never the raw tables on open).
-- Same rules as V80: a unique index over plain columns for REFRESH ... CONCURRENTLY (NULLS NOT DISTINCT
-- where a key may be NULL), no now(), market calendar America/Detroit, no contact details.

-- ---------------------------------------------------------------------------------------------
-- The funnel, new version. A provider serves several areas (providers.service_areas holds their names)
-- and offers several categories (providers.service_categories), so summing per-area rows would count a
-- provider once per area. Instead each provider is counted once in every slice it belongs to:
--   service_area_id NULL, category NULL  -> every provider (the unfiltered funnel, as V80's rows)
--   service_area_id X,    category NULL  -> providers serving area X
--   service_area_id NULL, category C     -> providers offering C
--   service_area_id X,    category C     -> providers serving X and offering C
-- A dashboard reads exactly one slice (IS NOT DISTINCT FROM its filter), so nothing is double counted and
-- the median is each slice's own. Areas are keyed by id (looked up by name at refresh), so the filter's
-- area id matches; a provider naming no known area is in no area slice.
DROP MATERIALIZED VIEW analytics_verification_funnel;
CREATE MATERIALIZED VIEW analytics_verification_funnel AS
WITH decided AS (
    SELECT d.provider_id, max(d.reviewed_at) AS last_decision_at
    FROM provider_documents d
    WHERE d.reviewed_at IS NOT NULL
    GROUP BY d.provider_id
), per_provider AS (
    SELECT p.id,
           date_trunc('month', p.submitted_for_verification_at AT TIME ZONE 'America/Detroit')::date AS month,
           p.type::text AS provider_type,
           p.certification_status,
           CASE WHEN p.certification_status = 'verified' AND d.last_decision_at >= p.submitted_for_verification_at
                THEN extract(epoch FROM d.last_decision_at - p.submitted_for_verification_at) / 3600 END AS hours_to_verify
    FROM providers p
    LEFT JOIN decided d ON d.provider_id = p.id
), areas_of AS (
    SELECT DISTINCT p.id, a.id AS service_area_id
    FROM providers p JOIN service_areas a ON a.name = ANY (p.service_areas)
), categories_of AS (
    SELECT DISTINCT p.id, c.category
    FROM providers p CROSS JOIN LATERAL unnest(p.service_categories) AS c(category)
    WHERE c.category IS NOT NULL
), slices AS (
    SELECT pp.*, NULL::uuid AS service_area_id, NULL::text AS category FROM per_provider pp
    UNION ALL
    SELECT pp.*, a.service_area_id, NULL::text FROM per_provider pp JOIN areas_of a ON a.id = pp.id
    UNION ALL
    SELECT pp.*, NULL::uuid, c.category FROM per_provider pp JOIN categories_of c ON c.id = pp.id
    UNION ALL
    SELECT pp.*, a.service_area_id, c.category
    FROM per_provider pp JOIN areas_of a ON a.id = pp.id JOIN categories_of c ON c.id = pp.id
)
SELECT s.month,
       s.provider_type,
       s.service_area_id,
       s.category,
       count(*) AS submitted,
       count(*) FILTER (WHERE s.certification_status = 'verified') AS verified,
       count(*) FILTER (WHERE s.certification_status = 'rejected') AS rejected,
       count(*) FILTER (WHERE s.certification_status = 'suspended') AS suspended,
       count(*) FILTER (WHERE s.certification_status = 'pending') AS pending,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY s.hours_to_verify))::numeric, 1) AS median_hours_to_verify
FROM slices s
GROUP BY s.month, s.provider_type, s.service_area_id, s.category;
CREATE UNIQUE INDEX analytics_verification_funnel_key ON analytics_verification_funnel
    (month, provider_type, service_area_id, category) NULLS NOT DISTINCT;

-- ---------------------------------------------------------------------------------------------
-- Providers per market month, service area and category (the booking's area and its listing's category,
-- as analytics_daily_bookings splits them). analytics_provider_months stays for the unfiltered ranking.
-- A filtered ranking sums, for the period, each provider's revenue over the cells of the filter's area or
-- category, read index-only (the rank indexes carry provider and revenue): about 150k entries for the
-- busiest area over a year. Tried and dropped: each month's 100 best per cell, bounded as topProviders.sql
-- does, could rarely prove a filtered list exact (an area's top 15 earn less than 13 months of 100th
-- places), so it ended in the full sum anyway, 0.9 s; and a view sliced by GROUPING SETS (area, category,
-- both) had 2.3M rows whose concurrent refresh ran past a minute.
CREATE MATERIALIZED VIEW analytics_provider_cells AS
WITH disputed AS (
    SELECT d.booking_id, count(*) AS disputes FROM disputes d GROUP BY d.booking_id
)
SELECT date_trunc('month', b.created_at AT TIME ZONE 'America/Detroit')::date AS month,
       b.service_area_id,
       l.category::text AS category,
       b.provider_id,
       count(*) AS bookings,
       count(*) FILTER (WHERE b.status = 'completed') AS completed,
       coalesce(sum(b.price_total) FILTER (WHERE b.status = 'completed'), 0) AS revenue,
       coalesce(sum(ds.disputes), 0) AS disputes
FROM bookings b
JOIN listings l ON l.id = b.listing_id
LEFT JOIN disputed ds ON ds.booking_id = b.id
WHERE b.created_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
CREATE UNIQUE INDEX analytics_provider_cells_key ON analytics_provider_cells
    (month, service_area_id, category, provider_id) NULLS NOT DISTINCT;
CREATE INDEX analytics_provider_cells_area_rank ON analytics_provider_cells (service_area_id, month)
    INCLUDE (provider_id, revenue);
CREATE INDEX analytics_provider_cells_category_rank ON analytics_provider_cells (category, month)
    INCLUDE (provider_id, revenue);
CREATE INDEX analytics_provider_cells_provider ON analytics_provider_cells (provider_id, month)
    INCLUDE (service_area_id, category, bookings, completed, revenue, disputes);

-- Listed (and so refreshed by "refresh all") right after the unfiltered top providers.
UPDATE analytics_views SET sort_order = sort_order + 1 WHERE sort_order > 4;
INSERT INTO analytics_views (view_name, title, sort_order)
VALUES ('analytics_provider_cells', 'Top providers by area and category', 5);

-- Both were just built with their data: that is their first refresh.
INSERT INTO mv_refresh_log (view_name, duration_ms, was_concurrent, row_count, outcome)
SELECT v.view_name, 0, false, NULL, 'ok' FROM analytics_views v
WHERE v.view_name IN ('analytics_verification_funnel', 'analytics_provider_cells');

-- Aggregates and ids only: every staff group may read them, as V80's.
GRANT SELECT ON analytics_verification_funnel, analytics_provider_cells TO tower_admin, tower_ops, tower_analyst;
