-- Field-by-field difference of one entry: every key present before or after, with both values.
SELECT k.field,
       a.old_values -> k.field #>> '{}' AS old_value,
       a.new_values -> k.field #>> '{}' AS new_value
FROM public.audit_logs a,
     LATERAL (SELECT jsonb_object_keys(coalesce(a.old_values, '{}'::jsonb))
              UNION
              SELECT jsonb_object_keys(coalesce(a.new_values, '{}'::jsonb))) AS k(field)
WHERE a.seq = :seq
ORDER BY k.field
