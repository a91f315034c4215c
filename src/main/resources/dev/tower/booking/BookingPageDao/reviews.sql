SELECT v.created_at AS at, a.full_name AS reviewer, b.full_name AS reviewed, v.rating, v.comment
FROM reviews v JOIN profiles a ON a.id = v.reviewer_id JOIN profiles b ON b.id = v.reviewed_id
WHERE v.booking_id = :id
ORDER BY v.created_at
