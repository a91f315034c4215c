SELECT ops.decide_provider_document(:id, :decision, :reason)
