SELECT ops.suspend_provider(:id, :version, :reason)
