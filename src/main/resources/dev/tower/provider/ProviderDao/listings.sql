-- The provider's listings, active first; capped (the page says when there are more), never counted.
SELECT l.id, l.title, l.category::text AS category, l.price_base, coalesce(l.pricing_type, 'fixed') AS pricing_type,
       coalesce(l.currency, 'USD') AS currency, coalesce(l.active, true) AS active
FROM listings l
WHERE l.provider_id = :id
ORDER BY coalesce(l.active, true) DESC, l.title, l.id
LIMIT :limit
