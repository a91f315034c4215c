-- the guarded function re-checks the transition, the version and the role
SELECT ops.mark_booking_disputed(:id, :version, :note)
