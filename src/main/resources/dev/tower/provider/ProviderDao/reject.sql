SELECT ops.reject_provider(:id, :version, :reason)
