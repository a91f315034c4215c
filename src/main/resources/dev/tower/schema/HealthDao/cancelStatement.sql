SELECT ops.cancel_statement(:pid)
