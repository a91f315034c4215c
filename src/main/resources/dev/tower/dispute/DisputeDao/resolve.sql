SELECT resolution, refund_id, refund_status, refund_amount, booking_status
FROM ops.resolve_dispute(:id, :resolution, :amount, :reasonCode, :note, :key)
