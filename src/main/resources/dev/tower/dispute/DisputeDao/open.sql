SELECT ops.open_dispute(:booking, :version, :reasonCode, :note)
