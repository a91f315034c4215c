-- The seeds' example queries need a consumer with a history (the busiest one, the worst case of a
-- LIMIT 50 page) and a listing to search for (a word of its title, its category).
SELECT (SELECT consumer_id FROM public.bookings GROUP BY consumer_id ORDER BY count(*) DESC, consumer_id LIMIT 1)
           AS consumer_id,
       l.category::text AS category,
       split_part(l.title, ' ', 1) AS word
FROM public.listings l
WHERE l.active
ORDER BY l.created_at, l.id
LIMIT 1
