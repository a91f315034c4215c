SELECT query, calls, total_ms, mean_ms, rows FROM ops.health_slowest_statements(:limit)
