SELECT ops.delete_booking_view(:id)::text
