SELECT d.id, d.kind, d.file_name, d.content_type, d.sha256,
       coalesce(f.byte_size, 0) AS byte_size,
       d.uploaded_at, d.expires_on, d.decision, d.reviewed_by, d.reviewed_at, d.review_note,
       (r.kind IS NOT NULL) AS required
FROM provider_documents d
JOIN providers p ON p.id = d.provider_id
LEFT JOIN document_files f ON f.sha256 = d.sha256
LEFT JOIN provider_required_documents r ON r.provider_type = p.type AND r.kind = d.kind
WHERE d.provider_id = :id
ORDER BY r.sort_order NULLS LAST, d.kind, d.uploaded_at DESC, d.id
