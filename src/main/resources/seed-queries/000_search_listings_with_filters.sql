-- Search with full-text search and filters
SELECT 
  l.*,
  p.rating as provider_rating,
  p.verified as provider_verified,
  pr.full_name as provider_name,
  ts_rank(to_tsvector('english', l.title || ' ' || COALESCE(l.description, '')), 
           plainto_tsquery('english', $1)) as search_rank
FROM listings l
JOIN providers p ON l.provider_id = p.id
JOIN profiles pr ON p.user_id = pr.id
WHERE l.active = true
  AND l.category = $2
  AND p.rating >= $3
  AND to_tsvector('english', l.title || ' ' || COALESCE(l.description, '')) @@ plainto_tsquery('english', $1)
ORDER BY search_rank DESC, p.rating DESC
LIMIT 20;
