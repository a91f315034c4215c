SELECT m.created_at AS at, s.full_name AS sender, r.full_name AS recipient, m.content
FROM messages m JOIN profiles s ON s.id = m.sender_id JOIN profiles r ON r.id = m.recipient_id
WHERE m.booking_id = :id
ORDER BY m.created_at, m.id
