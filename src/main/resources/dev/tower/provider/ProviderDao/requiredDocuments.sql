SELECT provider_type::text AS provider_type, kind, label
FROM provider_required_documents
ORDER BY provider_type, sort_order, kind
