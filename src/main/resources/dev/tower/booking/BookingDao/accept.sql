-- the guarded function re-checks the transition, the version and the role
SELECT ops.accept_booking(:id, :version, :note)
