-- Listing search through the GIN index on search_vector (idx_provider_services_search).
SELECT l.id, l.title, l.category, l.price_base
FROM public.listings l
WHERE l.active AND l.search_vector @@ plainto_tsquery('english', :term)
ORDER BY ts_rank(l.search_vector, plainto_tsquery('english', :term)) DESC, l.id
LIMIT 20
