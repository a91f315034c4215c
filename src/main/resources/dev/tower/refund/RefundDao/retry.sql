SELECT ops.retry_refund(:id)
