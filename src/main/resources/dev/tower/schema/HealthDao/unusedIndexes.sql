-- never scanned since statistics were reset, and not there to enforce a key; size from page counts (no locks)
SELECT i.indexrelname AS index_name, i.relname AS table_name,
       c.relpages::bigint * current_setting('block_size')::bigint AS bytes
FROM pg_stat_user_indexes i
JOIN pg_index x ON x.indexrelid = i.indexrelid
JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.schemaname = 'public' AND i.idx_scan = 0 AND NOT x.indisunique AND NOT x.indisprimary
ORDER BY 3 DESC, 1
LIMIT :limit
