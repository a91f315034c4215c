-- the guarded function re-checks the transition, the version and the role
SELECT ops.complete_booking(:id, :version, :note)
