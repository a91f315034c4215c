-- the guarded function re-checks the transition, the version and the role
SELECT ops.cancel_booking(:id, :version, :reason, :note)
