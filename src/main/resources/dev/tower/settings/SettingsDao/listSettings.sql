-- config_value #>> '{}' unwraps a JSON string ("200.00") or prints a number (48) as text.
SELECT c.config_key, c.config_value #>> '{}' AS value, c.description, c.updated_at
FROM public.system_config c
WHERE c.is_active
ORDER BY c.config_key
