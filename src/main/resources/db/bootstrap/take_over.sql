-- Moves a table the migrations created (owned by tower_owner, which any admin can become) to a role
-- and schema staff cannot reach, without ever running code the owner could have planted on it.
-- Only DDL touches the table until it has been checked to be a plain table of built-in types and has
-- lost every trigger, rule, policy, default and constraint expression. Refuses loudly otherwise.
-- A session-local helper (pg_temp) of the superuser bootstrap: nobody else can see or replace it.
SET search_path = pg_catalog;

CREATE OR REPLACE FUNCTION pg_temp.tower_take_over(p_table text, p_owner name, p_schema name, p_new_name name)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
DECLARE
    t oid := pg_catalog.to_regclass(p_table);
    x record;
BEGIN
    IF t IS NULL THEN
        RAISE EXCEPTION '% is missing; run the migrations first.', p_table;
    END IF;
    PERFORM 1 FROM pg_catalog.pg_class c
    WHERE c.oid = t AND c.relkind = 'r' AND c.relowner = 'tower_owner'::regrole AND NOT c.relispartition;
    IF NOT FOUND OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = t OR inhparent = t) THEN
        RAISE EXCEPTION '% is not the plain table the migrations created; refusing to move it.', p_table;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
               WHERE a.attrelid = t AND a.attnum > 0 AND NOT a.attisdropped
                 AND (ty.typnamespace <> 'pg_catalog'::regnamespace OR a.attgenerated <> ''
                      OR (a.attcollation <> 0 AND a.attcollation <> 'pg_catalog."default"'::regcollation)))
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = t
                  AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL
                       OR EXISTS (SELECT 1 FROM pg_catalog.unnest(i.indclass) oc JOIN pg_catalog.pg_opclass o ON o.oid = oc
                                  WHERE o.opcnamespace <> 'pg_catalog'::regnamespace))) THEN
        RAISE EXCEPTION '% has columns or indexes that are not built-in; refusing to move it.', p_table;
    END IF;
    FOR x IN SELECT tgname FROM pg_catalog.pg_trigger WHERE tgrelid = t AND NOT tgisinternal LOOP
        EXECUTE format('DROP TRIGGER %I ON %s', x.tgname, t::regclass);
    END LOOP;
    FOR x IN SELECT rulename FROM pg_catalog.pg_rewrite WHERE ev_class = t LOOP
        EXECUTE format('DROP RULE %I ON %s', x.rulename, t::regclass);
    END LOOP;
    FOR x IN SELECT polname FROM pg_catalog.pg_policy WHERE polrelid = t LOOP
        EXECUTE format('DROP POLICY %I ON %s', x.polname, t::regclass);
    END LOOP;
    EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY', t::regclass);
    FOR x IN SELECT conname FROM pg_catalog.pg_constraint WHERE conrelid = t AND contype NOT IN ('p', 'u', 'n') LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', t::regclass, x.conname);
    END LOOP;
    FOR x IN SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = t AND attnum > 0 AND NOT attisdropped AND atthasdef LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', t::regclass, x.attname);
    END LOOP;
    EXECUTE format('ALTER TABLE %s OWNER TO %I', t::regclass, p_owner);
    EXECUTE format('ALTER TABLE %s SET SCHEMA %I', t::regclass, p_schema);
    IF (SELECT relname FROM pg_catalog.pg_class WHERE oid = t) <> p_new_name THEN
        EXECUTE format('ALTER TABLE %s RENAME TO %I', t::regclass, p_new_name);
    END IF;
    FOR x IN SELECT DISTINCT a.grantee FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
             WHERE c.oid = t AND a.grantee <> p_owner::regrole LOOP
        IF x.grantee = 0 THEN
            EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', t::regclass);
        ELSE
            EXECUTE format('REVOKE ALL ON %s FROM %I', t::regclass, x.grantee::regrole);
        END IF;
    END LOOP;
END;
$$;
RESET search_path;
