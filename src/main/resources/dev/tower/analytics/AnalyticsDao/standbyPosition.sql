-- On the replica: whether it is one, what it has replayed, and how long since the last replayed commit.
SELECT pg_catalog.pg_is_in_recovery() AS standby,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replayed,
       extract(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())::float8 AS since_last_commit
