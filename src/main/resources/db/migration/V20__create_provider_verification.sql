-- Provider verification (issue 9): which documents each provider type needs (data, not code), the
-- stored "submitted for verification at" the queue is ordered by, a suspended state, the indexes the
-- queue needs at 100k providers, and one guarded function per decision.

-- pg_trgm (trigram indexes for substring search) lives in its own schema: its objects belong to
-- the bootstrap superuser, and public holds only what tower_owner owns. ILIKE uses the index
-- through the operator class, so callers need no access to the schema.
CREATE SCHEMA tower_ext;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA tower_ext;

-- ---------------------------------------------------------------------------------------------
-- Required documents per provider type. Admins read it in the UI; changing it is a data change.
CREATE TABLE provider_required_documents (
    provider_type provider_type NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('drivers_licence', 'insurance', 'faa_part_107', 'business_licence',
                                                'vehicle_registration', 'background_check', 'identity')),
    label         text NOT NULL CHECK (btrim(label) <> ''),
    sort_order    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (provider_type, kind)
);
INSERT INTO provider_required_documents (provider_type, kind, label, sort_order) VALUES
    ('courier', 'drivers_licence',  'Driver licence',   1),
    ('courier', 'insurance',        'Insurance',        2),
    ('courier', 'background_check', 'Background check', 3),
    ('drone',   'faa_part_107',     'FAA Part 107',     1),
    ('drone',   'insurance',        'Insurance',        2),
    ('drone',   'background_check', 'Background check', 3);
GRANT SELECT ON provider_required_documents TO tower_admin, tower_ops;

-- ---------------------------------------------------------------------------------------------
-- Providers: a suspended state (verified = false, so the apps stop offering them), the decision
-- version that makes a second decision a conflict, and when the current submission began.
ALTER TABLE providers DROP CONSTRAINT providers_certification_status_check;
ALTER TABLE providers ADD CONSTRAINT providers_certification_status_check
    CHECK (certification_status IN ('pending', 'verified', 'rejected', 'suspended'));
ALTER TABLE providers
    ADD COLUMN verification_version integer NOT NULL DEFAULT 0,
    ADD COLUMN submitted_for_verification_at timestamptz;
GRANT SELECT (verification_version, submitted_for_verification_at) ON providers TO tower_ops, tower_analyst;

-- Existing rows: submitted when the first document was uploaded, else when the provider signed up.
-- New providers are submitted when they sign up; a later upload after a rejection starts a new
-- submission (below), so the column is never NULL and the queue index covers every row.
UPDATE providers p
SET submitted_for_verification_at = coalesce(
        (SELECT min(d.uploaded_at) FROM provider_documents d WHERE d.provider_id = p.id), p.created_at, now());
ALTER TABLE providers
    ALTER COLUMN submitted_for_verification_at SET DEFAULT now(),
    ALTER COLUMN submitted_for_verification_at SET NOT NULL;

-- An upload by a rejected provider is a resubmission: back to pending, at the end of the queue.
CREATE FUNCTION tower_internal.note_document_submission()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    UPDATE providers
    SET submitted_for_verification_at = NEW.uploaded_at, certification_status = 'pending', verified = false,
        verification_version = verification_version + 1
    WHERE id = NEW.provider_id AND certification_status = 'rejected';
    RETURN NEW;
END;
$$;
CREATE TRIGGER provider_documents_note_submission
    AFTER INSERT ON provider_documents
    FOR EACH ROW EXECUTE FUNCTION tower_internal.note_document_submission();

-- Queue: oldest submission first within a status, keyset-paged on (submitted, id).
CREATE INDEX idx_providers_verification_queue
    ON providers (certification_status, submitted_for_verification_at, id);
-- "Documents expiring within N days" and the re-verification queue.
CREATE INDEX idx_provider_documents_expires_on
    ON provider_documents (expires_on, provider_id) WHERE expires_on IS NOT NULL;
-- Substring search on business and person names.
CREATE INDEX idx_providers_business_name_trgm ON providers USING gin (business_name tower_ext.gin_trgm_ops);
CREATE INDEX idx_profiles_full_name_trgm ON profiles USING gin (full_name tower_ext.gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------
-- Who decided this record last, and when, in plain words (from the audit log, else the row).
CREATE FUNCTION tower_internal.last_decision_words(p_table text, p_record_id text)
RETURNS text
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT coalesce(
        (SELECT format('%s at %s', a.actor_login,
                       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'))
         FROM audit_logs a
         WHERE a.table_name = p_table AND a.record_id = p_record_id
         ORDER BY a.seq DESC LIMIT 1),
        'someone else')
$$;

-- A notification row for the provider's person.
CREATE FUNCTION tower_internal.notify_provider(p_provider_id uuid, p_type text, p_title text, p_body text)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    INSERT INTO notifications (user_id, type, title, body, data)
    SELECT p.user_id, p_type, p_title, p_body, jsonb_build_object('provider_id', p.id)
    FROM providers p WHERE p.id = p_provider_id
$$;

-- What keeps a provider from being verified: one line per required kind without an accepted,
-- unexpired document (the newest document of each kind counts). Empty when nothing is missing.
CREATE FUNCTION tower_internal.missing_required_documents(p_provider_id uuid)
RETURNS TABLE (kind text, label text, problem text)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT r.kind, r.label,
           CASE WHEN d.id IS NULL THEN 'not uploaded'
                WHEN d.decision = 'pending' THEN 'not reviewed yet'
                WHEN d.decision = 'rejected' THEN 'rejected'
                ELSE format('expired on %s', d.expires_on)
           END
    FROM providers p
    JOIN provider_required_documents r ON r.provider_type = p.type
    LEFT JOIN LATERAL (
        SELECT pd.id, pd.decision, pd.expires_on
        FROM provider_documents pd
        WHERE pd.provider_id = p.id AND pd.kind = r.kind
        ORDER BY (pd.decision = 'approved' AND (pd.expires_on IS NULL OR pd.expires_on >= current_date)) DESC,
                 pd.uploaded_at DESC
        LIMIT 1
    ) d ON true
    WHERE p.id = p_provider_id
      AND (d.id IS NULL OR d.decision <> 'approved' OR (d.expires_on IS NOT NULL AND d.expires_on < current_date))
    ORDER BY r.sort_order, r.kind
$$;

CREATE FUNCTION tower_internal.require_reason(p_reason text, p_what text)
RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF nullif(btrim(coalesce(p_reason, '')), '') IS NULL THEN
        PERFORM tower_internal.fail('provider.reason_required', format('Give a reason to %s.', p_what));
    END IF;
    IF length(btrim(p_reason)) > 2000 THEN
        PERFORM tower_internal.fail('provider.reason_too_long', 'Keep the reason under 2000 characters.');
    END IF;
    RETURN btrim(p_reason);
END;
$$;

-- ---------------------------------------------------------------------------------------------
-- Accept or reject one document. Returns its reviewed_at (its new version); a document that
-- was decided meanwhile is a conflict naming who decided it.
CREATE FUNCTION ops.decide_provider_document(p_document_id uuid, p_decision text, p_reason text DEFAULT NULL)
RETURNS timestamptz
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    doc provider_documents%ROWTYPE;
    note text;
BEGIN
    IF p_decision IS NULL OR p_decision NOT IN ('approved', 'rejected') THEN
        PERFORM tower_internal.fail('document.bad_decision', 'A document can only be accepted or rejected.');
    END IF;
    IF p_decision = 'rejected' THEN
        note := tower_internal.require_reason(p_reason, 'reject a document');
    ELSE
        note := nullif(btrim(coalesce(p_reason, '')), '');
    END IF;
    SELECT * INTO doc FROM provider_documents WHERE id = p_document_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('document.not_found', 'This document no longer exists.');
    END IF;
    IF doc.decision <> 'pending' THEN
        PERFORM tower_internal.fail('document.already_decided',
            format('This document was already %s by %s.',
                   CASE doc.decision WHEN 'approved' THEN 'accepted' ELSE 'rejected' END,
                   tower_internal.last_decision_words('provider_documents', doc.id::text)));
    END IF;
    IF p_decision = 'approved' AND doc.expires_on IS NOT NULL AND doc.expires_on < current_date THEN
        PERFORM tower_internal.fail('document.expired',
            format('This document expired on %s; ask the provider for a current one.', doc.expires_on));
    END IF;

    UPDATE provider_documents
    SET decision = p_decision, reviewed_by = session_user, reviewed_at = clock_timestamp(), review_note = note
    WHERE id = doc.id
    RETURNING * INTO doc;
    PERFORM tower_internal.audit(CASE p_decision WHEN 'approved' THEN 'accept_provider_document'
                                                 ELSE 'reject_provider_document' END,
        'provider_documents', doc.id::text, 'UPDATE',
        jsonb_build_object('decision', 'pending', 'provider_id', doc.provider_id, 'kind', doc.kind),
        jsonb_build_object('decision', doc.decision, 'provider_id', doc.provider_id, 'kind', doc.kind,
                           'review_note', doc.review_note));
    IF p_decision = 'rejected' THEN
        PERFORM tower_internal.notify_provider(doc.provider_id, 'document_rejected', 'A document was rejected',
            format('Your %s document "%s" was rejected: %s', replace(doc.kind, '_', ' '), doc.file_name, note));
    END IF;
    RETURN doc.reviewed_at;
END;
$$;

-- Locks the provider and refuses a stale version with who decided it meanwhile.
CREATE FUNCTION tower_internal.lock_provider_for_decision(p_provider_id uuid, p_expected_version integer)
RETURNS providers
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
BEGIN
    SELECT * INTO p FROM providers WHERE id = p_provider_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tower_internal.fail('provider.not_found', 'This provider no longer exists.');
    END IF;
    IF p_expected_version IS NOT NULL AND p.verification_version <> p_expected_version THEN
        PERFORM tower_internal.fail('provider.already_decided',
            format('This provider was already decided by %s (now %s). The page will reload.',
                   tower_internal.last_decision_words('providers', p.id::text), p.certification_status));
    END IF;
    RETURN p;
END;
$$;

-- Applies a status change to a locked provider: audit row, notification, new version.
CREATE FUNCTION tower_internal.apply_provider_decision(p providers, p_action text, p_status text, p_reason text,
                                                       p_title text, p_body text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    new_version integer;
BEGIN
    UPDATE providers
    SET certification_status = p_status, verified = (p_status = 'verified'),
        verification_version = verification_version + 1
    WHERE id = p.id
    RETURNING verification_version INTO new_version;
    PERFORM tower_internal.audit(p_action, 'providers', p.id::text, 'UPDATE',
        jsonb_build_object('certification_status', p.certification_status, 'verified', p.verified,
                           'verification_version', p.verification_version),
        jsonb_build_object('certification_status', p_status, 'verified', p_status = 'verified',
                           'verification_version', new_version, 'reason', p_reason));
    PERFORM tower_internal.notify_provider(p.id, 'provider_' || p_status, p_title, p_body);
    RETURN new_version;
END;
$$;

-- The list of what is missing, as one sentence.
CREATE FUNCTION tower_internal.missing_documents_words(p_provider_id uuid)
RETURNS text
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
    SELECT string_agg(format('%s (%s)', label, problem), ', ')
    FROM tower_internal.missing_required_documents(p_provider_id)
$$;

CREATE FUNCTION ops.verify_provider(p_provider_id uuid, p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
    missing text;
BEGIN
    p := tower_internal.lock_provider_for_decision(p_provider_id, p_expected_version);
    IF p.certification_status NOT IN ('pending', 'rejected') THEN
        PERFORM tower_internal.fail('provider.already_decided',
            format('This provider is already %s (%s).', p.certification_status,
                   tower_internal.last_decision_words('providers', p.id::text)));
    END IF;
    missing := tower_internal.missing_documents_words(p.id);
    IF missing IS NOT NULL THEN
        PERFORM tower_internal.fail('provider.documents_missing',
            format('This provider cannot be verified yet. Missing: %s.', missing));
    END IF;
    RETURN tower_internal.apply_provider_decision(p, 'verify_provider', 'verified', NULL,
        'You are verified', 'Your documents were accepted and your profile is now verified.');
END;
$$;

CREATE FUNCTION ops.reject_provider(p_provider_id uuid, p_expected_version integer, p_reason text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
    reason text := tower_internal.require_reason(p_reason, 'reject a provider');
BEGIN
    p := tower_internal.lock_provider_for_decision(p_provider_id, p_expected_version);
    IF p.certification_status <> 'pending' THEN
        PERFORM tower_internal.fail('provider.already_decided',
            format('This provider is already %s (%s).', p.certification_status,
                   tower_internal.last_decision_words('providers', p.id::text)));
    END IF;
    RETURN tower_internal.apply_provider_decision(p, 'reject_provider', 'rejected', reason,
        'Verification was declined', reason);
END;
$$;

CREATE FUNCTION ops.suspend_provider(p_provider_id uuid, p_expected_version integer, p_reason text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
    reason text := tower_internal.require_reason(p_reason, 'suspend a provider');
BEGIN
    p := tower_internal.lock_provider_for_decision(p_provider_id, p_expected_version);
    IF p.certification_status <> 'verified' THEN
        PERFORM tower_internal.fail('provider.not_verified',
            format('Only a verified provider can be suspended; this one is %s.', p.certification_status));
    END IF;
    RETURN tower_internal.apply_provider_decision(p, 'suspend_provider', 'suspended', reason,
        'Your profile is suspended', reason);
END;
$$;

CREATE FUNCTION ops.reinstate_provider(p_provider_id uuid, p_expected_version integer, p_reason text)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
    reason text := tower_internal.require_reason(p_reason, 'reinstate a provider');
BEGIN
    p := tower_internal.lock_provider_for_decision(p_provider_id, p_expected_version);
    IF p.certification_status <> 'suspended' THEN
        PERFORM tower_internal.fail('provider.not_suspended',
            format('Only a suspended provider can be reinstated; this one is %s.', p.certification_status));
    END IF;
    RETURN tower_internal.apply_provider_decision(p, 'reinstate_provider', 'verified', reason,
        'Your profile is active again', reason);
END;
$$;

-- Bulk verify: all or nothing. Locks every provider in id order (so two bulk runs cannot deadlock),
-- refuses the whole batch naming each provider that cannot be verified and why.
CREATE FUNCTION ops.bulk_verify_providers(p_provider_ids uuid[])
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    p providers%ROWTYPE;
    problems text[] := '{}';
    missing text;
    wanted uuid[];
    verified_count integer := 0;
BEGIN
    SELECT array_agg(DISTINCT x ORDER BY x) INTO wanted FROM unnest(p_provider_ids) x WHERE x IS NOT NULL;
    IF wanted IS NULL THEN
        PERFORM tower_internal.fail('provider.none_selected', 'Select at least one provider to verify.');
    END IF;
    IF cardinality(wanted) > 500 THEN
        PERFORM tower_internal.fail('provider.too_many_selected', 'Verify at most 500 providers at a time.');
    END IF;
    FOR p IN SELECT * FROM providers WHERE id = ANY (wanted) ORDER BY id FOR UPDATE LOOP
        IF p.certification_status NOT IN ('pending', 'rejected') THEN
            problems := problems || format('%s: already %s', coalesce(p.business_name, p.id::text), p.certification_status);
        ELSE
            missing := tower_internal.missing_documents_words(p.id);
            IF missing IS NOT NULL THEN
                problems := problems || format('%s: missing %s', coalesce(p.business_name, p.id::text), missing);
            END IF;
        END IF;
        verified_count := verified_count + 1;
    END LOOP;
    IF verified_count < cardinality(wanted) THEN
        problems := problems || format('%s of the selected providers no longer exist', cardinality(wanted) - verified_count);
    END IF;
    IF cardinality(problems) > 0 THEN
        PERFORM tower_internal.fail('provider.bulk_refused',
            format('Nothing was verified. %s.', array_to_string(problems, '; ')));
    END IF;
    FOR p IN SELECT * FROM providers WHERE id = ANY (wanted) ORDER BY id LOOP
        PERFORM tower_internal.apply_provider_decision(p, 'verify_provider', 'verified', 'bulk verify',
            'You are verified', 'Your documents were accepted and your profile is now verified.');
    END LOOP;
    RETURN verified_count;
END;
$$;

-- Grants: exactly the roles PermissionMatrix gives each permission (admins only, today).
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['ops.decide_provider_document(uuid, text, text)',
                             'ops.verify_provider(uuid, integer)',
                             'ops.reject_provider(uuid, integer, text)',
                             'ops.suspend_provider(uuid, integer, text)',
                             'ops.reinstate_provider(uuid, integer, text)',
                             'ops.bulk_verify_providers(uuid[])'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO tower_admin', f);
    END LOOP;
END
$$;
COMMENT ON FUNCTION ops.decide_provider_document(uuid, text, text) IS 'permission: REVIEW_PROVIDER_DOCUMENTS';
COMMENT ON FUNCTION ops.verify_provider(uuid, integer) IS 'permission: VERIFY_PROVIDER';
COMMENT ON FUNCTION ops.reject_provider(uuid, integer, text) IS 'permission: VERIFY_PROVIDER';
COMMENT ON FUNCTION ops.suspend_provider(uuid, integer, text) IS 'permission: VERIFY_PROVIDER';
COMMENT ON FUNCTION ops.reinstate_provider(uuid, integer, text) IS 'permission: VERIFY_PROVIDER';
COMMENT ON FUNCTION ops.bulk_verify_providers(uuid[]) IS 'permission: VERIFY_PROVIDER';

-- The internal helpers run as the owner and are never callable by staff.
DO $$
DECLARE
    f text;
BEGIN
    FOREACH f IN ARRAY ARRAY['tower_internal.note_document_submission()',
                             'tower_internal.last_decision_words(text, text)',
                             'tower_internal.notify_provider(uuid, text, text, text)',
                             'tower_internal.missing_required_documents(uuid)',
                             'tower_internal.require_reason(text, text)',
                             'tower_internal.lock_provider_for_decision(uuid, integer)',
                             'tower_internal.apply_provider_decision(providers, text, text, text, text, text)',
                             'tower_internal.missing_documents_words(uuid)'] LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
