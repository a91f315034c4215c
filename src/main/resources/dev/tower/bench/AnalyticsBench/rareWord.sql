-- A searched word that is in a few dozen listings, not thousands: what a person types to find a
-- listing. A word in every other title would let ILIKE stop after 20 rows and measure nothing.
SELECT s.word
FROM ts_stat('SELECT search_vector FROM public.listings WHERE active') s
WHERE s.ndoc BETWEEN 5 AND 60 AND length(s.word) >= 5 AND s.word ~ '^[a-z]+$'
ORDER BY s.ndoc DESC, s.word
LIMIT 1
