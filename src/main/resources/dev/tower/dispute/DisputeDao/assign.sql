SELECT ops.assign_dispute(:id, :assignee)
