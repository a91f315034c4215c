-- Ops may open the provider page (VIEW_PROVIDERS) but were refused its document list: the list shows each
-- file's size from document_files, which only admins could read. Ops get the hash and size, never the bytes
-- (only reviewers open documents in the viewer).
GRANT SELECT (sha256, byte_size) ON document_files TO tower_ops;
