-- Each view's newest good refresh, and a failure newer than it (the view then still holds older data).
SELECT v.view_name, v.title, ok.refreshed_at, ok.refreshed_by, ok.row_count, ok.duration_ms,
       bad.refreshed_at AS last_failed_at, bad.error AS last_error
FROM public.analytics_views v
LEFT JOIN LATERAL (SELECT l.refreshed_at, l.refreshed_by, l.row_count, l.duration_ms
                   FROM public.mv_refresh_log l
                   WHERE l.view_name = v.view_name AND l.outcome = 'ok'
                   ORDER BY l.refreshed_at DESC LIMIT 1) ok ON true
LEFT JOIN LATERAL (SELECT l.refreshed_at, l.error
                   FROM public.mv_refresh_log l
                   WHERE l.view_name = v.view_name AND l.outcome = 'failed'
                     AND l.refreshed_at > coalesce(ok.refreshed_at, '-infinity')
                   ORDER BY l.refreshed_at DESC LIMIT 1) bad ON true
ORDER BY v.sort_order
