SELECT ops.record_schema_action(:action, :outcome,
    jsonb_build_object('summary', CAST(:summary AS text), 'items', to_jsonb(CAST(:items AS text[])),
                       'scripts', CAST(:location AS text)))
