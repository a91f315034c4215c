-- Demo data, step 4: document rows. demo_file (kind, slot -> sha256) was filled by the generator with the
-- files it rendered and stored in document_files.

-- @step provider-documents
INSERT INTO provider_documents (id, provider_id, kind, file_name, content_type, sha256, expires_on, uploaded_at, decision,
                                reviewed_by, reviewed_at, review_note)
SELECT d.id, d.provider_id, d.kind, d.file_name, d.content_type, f.sha256, d.expires_on, d.uploaded_at, d.decision,
       d.reviewed_by, d.reviewed_at, d.review_note
FROM demo_doc d
JOIN demo_file f ON f.kind = d.kind AND f.slot = d.slot;
