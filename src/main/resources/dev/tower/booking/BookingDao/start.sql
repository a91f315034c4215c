-- the guarded function re-checks the transition, the version and the role
SELECT ops.start_booking(:id, :version, :note)
