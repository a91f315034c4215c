-- On the primary: how much WAL it has written beyond what the replica replayed.
SELECT greatest(0, pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), CAST(:replayed AS pg_lsn)))::bigint
