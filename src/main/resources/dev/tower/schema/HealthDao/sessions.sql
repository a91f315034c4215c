SELECT pid, login, application, state, xact_start, query_start, wait_event_type, wait_event, blocked_by, query
FROM ops.health_sessions()
