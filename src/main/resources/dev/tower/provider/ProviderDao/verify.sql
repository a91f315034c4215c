SELECT ops.verify_provider(:id, :version)
