-- Demo data, step 9: the audit log the staff's past work would have left, so the Audit screen opens on a
-- believable history and its filters and paging have something to work on.
--
-- One row per staff action already visible in the data, at the moment the data says it happened and under
-- the login the data names: staff logins created (staff_members, kept across regenerations), provider
-- documents reviewed, providers verified or rejected, refunds requested and decided by staff, disputes taken
-- into review and resolved. The marketplace app's own actions (automatic refunds on cancellation, disputes
-- opened by customers) are not staff actions and leave no audit row.
--
-- Rows go in time order, as an array of values, to tower_audit.import_history, which numbers and hash-chains them in
-- one pass exactly as tower_audit.append does live rows; it only loads into an empty log and only the
-- superuser running this may call it (as tower_audit.reset_for_demo, which empties the log first).
-- The action names are those of the ops functions that perform these actions.

-- @step audit-reset
SELECT tower_audit.reset_for_demo();

-- @step demo-staff-since
-- The demo staff have done this work for the whole demo year, so their logins date from before it.
UPDATE staff_members
SET created_at = date_trunc('day', coalesce((SELECT min(reviewed_at) FROM provider_documents), ${as_of})) - interval '7 days'
WHERE created_by = 'tower setup' AND login IN ('demo_admin', 'demo_ops', 'demo_analyst');

-- @step audit-history
SELECT tower_audit.import_history(array_agg(ROW(
           h.table_name, h.record_id, h.action, h.old_values, h.new_values, h.action_name, h.actor_login, h.at
       )::tower_audit.history_entry
       -- a record's INSERT before its UPDATE at the same instant
       ORDER BY h.at, h.table_name, h.record_id, h.action))
FROM (
    SELECT 'staff_members' AS table_name, s.login AS record_id, 'INSERT' AS action, NULL::jsonb AS old_values,
           jsonb_build_object('login', s.login, 'display_name', s.display_name, 'role_group', s.role_group) AS new_values,
           'create_staff_login' AS action_name, s.created_by AS actor_login, s.created_at AS at
    FROM staff_members s
    UNION ALL
    SELECT 'provider_documents', d.id::text, 'UPDATE',
           jsonb_build_object('decision', 'pending'),
           jsonb_strip_nulls(jsonb_build_object('decision', d.decision, 'review_note', d.review_note)),
           CASE d.decision WHEN 'approved' THEN 'approve_provider_document' ELSE 'reject_provider_document' END,
           d.reviewed_by, d.reviewed_at
    FROM provider_documents d
    WHERE d.reviewed_by IS NOT NULL
    UNION ALL
    -- a provider's verdict follows the review of their last document
    SELECT 'providers', p.id::text, 'UPDATE',
           jsonb_build_object('certification_status', 'pending', 'verified', false),
           jsonb_build_object('certification_status', p.certification_status, 'verified', p.verified),
           CASE p.certification_status WHEN 'verified' THEN 'verify_provider' ELSE 'reject_provider' END,
           r.reviewed_by, r.last_review + interval '5 minutes'
    FROM providers p
    JOIN (SELECT d.provider_id, max(d.reviewed_at) AS last_review, min(d.reviewed_by) AS reviewed_by
          FROM provider_documents d
          WHERE d.reviewed_by IS NOT NULL
          GROUP BY d.provider_id) r ON r.provider_id = p.id
    WHERE p.certification_status <> 'pending'
      AND r.last_review + interval '5 minutes' <= ${as_of}
    UNION ALL
    SELECT 'refunds', f.id::text, 'INSERT', NULL,
           jsonb_build_object('booking_id', f.booking_id, 'amount', f.amount, 'reason', f.reason,
                              'status', CASE WHEN f.approved_by IS NULL THEN f.status ELSE 'awaiting_approval' END),
           CASE WHEN f.approved_by IS NULL AND f.status = 'issued' THEN 'issue_refund' ELSE 'request_refund' END,
           f.requested_by, f.requested_at
    FROM refunds f
    WHERE f.requested_by IN (SELECT login FROM staff_members)
    UNION ALL
    SELECT 'refunds', f.id::text, 'UPDATE',
           jsonb_build_object('status', 'awaiting_approval'),
           jsonb_build_object('status', f.status),
           CASE f.status WHEN 'issued' THEN 'approve_refund' ELSE 'reject_refund' END,
           f.approved_by, f.decided_at
    FROM refunds f
    WHERE f.approved_by IS NOT NULL
    UNION ALL
    SELECT 'disputes', d.id::text, 'UPDATE',
           jsonb_build_object('status', 'opened', 'assigned_to', NULL),
           jsonb_build_object('status', 'under_review', 'assigned_to', d.assigned_to),
           'start_dispute_review', d.assigned_to, d.reviewed_at
    FROM disputes d
    WHERE d.reviewed_at IS NOT NULL AND d.assigned_to IS NOT NULL
    UNION ALL
    SELECT 'disputes', d.id::text, 'UPDATE',
           jsonb_build_object('status', 'under_review'),
           jsonb_build_object('status', 'resolved', 'resolution', d.resolution, 'resolution_note', d.resolution_note),
           'resolve_dispute', d.resolved_by, d.resolved_at
    FROM disputes d
    WHERE d.resolved_by IS NOT NULL
) h;

-- @step audit-analyze
ANALYZE tower_audit.log;
