SELECT refund_id, status, amount, platform_fee_share, provider_share, replayed
FROM ops.issue_refund(:booking, :amount, :reasonCode, :note, :key)
