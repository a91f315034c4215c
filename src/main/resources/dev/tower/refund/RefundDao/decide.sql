SELECT ops.decide_refund(:id, :approve, :note)
