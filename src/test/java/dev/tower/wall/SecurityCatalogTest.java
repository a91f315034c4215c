package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog-wide rules, so a future migration cannot quietly open a hole. */
class SecurityCatalogTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void everySecurityDefinerFunctionPinsSearchPathWithPgTempLast() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) cfg
                                      WHERE cfg LIKE 'search_path=%' AND cfg LIKE '%pg_temp')""")).isEmpty();
        }
    }

    @Test
    void noSecurityDefinerFunctionIsExecutableByPublic() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                                                       WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))""")).isEmpty();
        }
    }

    @Test
    void noStaffRoleOwnsATableOrBypassesRowSecurity() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT c.oid::regclass::text FROM pg_class c JOIN pg_roles o ON o.oid = c.relowner
                    WHERE NOT o.rolsuper
                      AND o.rolname NOT IN ('tower_owner', 'tower_security')
                      AND (pg_has_role(o.oid, 'tower_admin', 'MEMBER') OR pg_has_role(o.oid, 'tower_ops', 'MEMBER')
                           OR pg_has_role(o.oid, 'tower_analyst', 'MEMBER'))""")).isEmpty();
            assertThat(SqlProbe.column(c, """
                    SELECT r.rolname FROM pg_roles r
                    WHERE NOT r.rolsuper AND (r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb)
                      AND (pg_has_role(r.oid, 'tower_admin', 'MEMBER') OR pg_has_role(r.oid, 'tower_ops', 'MEMBER')
                           OR pg_has_role(r.oid, 'tower_analyst', 'MEMBER'))
                      AND r.rolname <> 'tower_security'""")).isEmpty();
        }
    }

    @Test
    void viewsReadWithTheCallersRights() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'v' AND n.nspname = 'public'
                      AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)""")).isEmpty();
        }
    }

    @Test
    void staffHoldNoWritePrivilegeOnAnyTable() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT g || ' ' || c.oid::regclass::text || ' ' || p
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                         unnest(ARRAY['tower_admin', 'tower_ops', 'tower_analyst']) g,
                         unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p
                    WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname IN ('public', 'auth', 'ops', 'tower_internal')
                      AND has_table_privilege(g, c.oid, p)""")).isEmpty();
        }
    }
}
