SELECT ops.reinstate_provider(:id, :version, :reason)
