SELECT code, name ->> 'en' AS label FROM ref_codes
WHERE type_code = 'dispute_reason' AND status = 1 ORDER BY sort_order
