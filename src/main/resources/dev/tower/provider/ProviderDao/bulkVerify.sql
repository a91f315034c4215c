SELECT ops.bulk_verify_providers(CAST(:ids AS uuid[]))
