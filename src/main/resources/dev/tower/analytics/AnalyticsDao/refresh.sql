SELECT r.log_id, r.view_name, r.outcome, r.row_count, r.duration_ms, r.error
FROM ops.refresh_analytics(:view, :concurrently) r
