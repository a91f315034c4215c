-- Sizes from the catalog's page counts (as of the last VACUUM/ANALYZE): pg_total_relation_size would take a
-- lock on each table, and the health screen must not wait behind the very session it is there to find.
-- Rows, dead rows and maintenance times come from the statistics collector.
SELECT s.relname AS table_name,
       (c.relpages + coalesce(t.relpages, 0)
            + coalesce((SELECT sum(i.relpages) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                        WHERE x.indrelid = c.oid), 0))::bigint * current_setting('block_size')::bigint AS total_bytes,
       c.relpages::bigint * current_setting('block_size')::bigint AS table_bytes,
       coalesce((SELECT sum(i.relpages) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                 WHERE x.indrelid = c.oid), 0)::bigint * current_setting('block_size')::bigint AS index_bytes,
       s.n_live_tup AS live_rows,
       s.n_dead_tup AS dead_rows,
       s.n_tup_ins - s.n_tup_del AS net_rows_added,
       greatest(s.last_vacuum, s.last_autovacuum) AS last_vacuum,
       greatest(s.last_analyze, s.last_autoanalyze) AS last_analyze
FROM pg_stat_user_tables s
JOIN pg_class c ON c.oid = s.relid
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
WHERE s.schemaname = 'public'
ORDER BY 2 DESC, 1
LIMIT :limit
