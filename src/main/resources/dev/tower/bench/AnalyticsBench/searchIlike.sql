-- The naive search: a substring match no b-tree can serve, so every listing is read.
SELECT l.id, l.title, l.category, l.price_base
FROM public.listings l
WHERE l.active AND (l.title ILIKE '%' || :term || '%' OR l.description ILIKE '%' || :term || '%')
ORDER BY l.id
LIMIT 20
