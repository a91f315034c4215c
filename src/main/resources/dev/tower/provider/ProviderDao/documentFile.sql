-- The file's bytes, unless it is over the viewer's limit (then only its size, so nothing large is fetched).
SELECT d.file_name, d.content_type,
       CASE WHEN f.byte_size <= :maxBytes THEN f.content END AS content,
       d.sha256 AS expected_sha256,
       coalesce(f.byte_size, 0) AS stored_size
FROM provider_documents d
LEFT JOIN document_files f ON f.sha256 = d.sha256
WHERE d.id = :id
