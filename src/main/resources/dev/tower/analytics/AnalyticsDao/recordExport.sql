SELECT ops.record_analytics_export(:what, :format, :rows, CAST(:columns AS text[]))
