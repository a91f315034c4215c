package dev.tower.schema;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the three staff logins can do over a plain JDBC connection that bypasses the app, as psql would.
 * The database is the wall: no staff login writes any table directly, admins included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffGrantsTest {
    static final List<String> LOGINS = List.of("demo_admin", "demo_ops", "demo_analyst");
    static final List<String> GROUPS = List.of("tower_owner", "tower_admin", "tower_ops", "tower_analyst", "tower_security");

    private final TestDatabase db = TestDatabase.get();
    private final Map<String, Connection> connections = new HashMap<>();

    @AfterAll
    void closeConnections() throws SQLException {
        for (Connection c : connections.values()) {
            c.close();
        }
    }

    private Connection as(String login) throws SQLException {
        Connection c = connections.get(login);
        if (c == null || c.isClosed()) {
            c = db.connectAsDemo(login);
            c.setAutoCommit(false); // every attempt is rolled back, whatever happens
            connections.put(login, c);
        }
        return c;
    }

    /** A table to attack, with one ordinary column (not identity, not generated) for the UPDATE. */
    record Target(String qualifiedName, String column) {
        @Override
        public String toString() {
            return qualifiedName;
        }
    }

    /** Every table in public and the audit/staff schemas (from pg_tables, so new tables are covered) plus auth.users. */
    private List<Target> targets() throws SQLException {
        List<Target> out = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT format('%I.%I', t.schemaname, t.tablename),
                            (SELECT quote_ident(a.attname) FROM pg_attribute a
                             WHERE a.attrelid = format('%I.%I', t.schemaname, t.tablename)::regclass
                               AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
                             ORDER BY a.attnum LIMIT 1)
                     FROM pg_tables t
                     WHERE t.schemaname IN ('public', 'tower_audit', 'tower_staff') OR (t.schemaname = 'auth' AND t.tablename = 'users')
                     ORDER BY 1""")) {
            while (rs.next()) {
                out.add(new Target(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    @Test
    void theTableListIsTheRealOne() throws SQLException {
        assertThat(targets()).extracting(Target::qualifiedName)
                .contains("public.bookings", "public.providers", "public.refunds", "tower_audit.log", "tower_staff.staff_members", "auth.users")
                .hasSizeGreaterThan(25);
    }

    @TestFactory
    Stream<DynamicTest> noStaffLoginWritesAnyTable() throws SQLException {
        List<Target> targets = targets();
        return LOGINS.stream().flatMap(login -> targets.stream().map(t -> DynamicTest.dynamicTest(
                login + " cannot INSERT/UPDATE/DELETE/TRUNCATE " + t, () -> {
                    Connection c = as(login);
                    assertRefused(c, "INSERT INTO " + t.qualifiedName + " DEFAULT VALUES");
                    assertRefused(c, "UPDATE " + t.qualifiedName + " SET " + t.column + " = " + t.column + " WHERE true");
                    assertRefused(c, "DELETE FROM " + t.qualifiedName + " WHERE true");
                    assertRefused(c, "TRUNCATE " + t.qualifiedName);
                    assertThat(privilege(login, "has_table_privilege(current_user, '" + t.qualifiedName
                            + "', 'INSERT, UPDATE, DELETE, TRUNCATE')")).isFalse();
                })));
    }

    @ParameterizedTest(name = "{0} has no write privilege on any view, materialized view or sequence")
    @ValueSource(strings = {"demo_admin", "demo_ops", "demo_analyst"})
    void noWritePrivilegeOnViewsOrSequences(String login) throws SQLException {
        assertThat(names(login, """
                SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('public', 'auth') AND c.relkind IN ('v', 'm')
                  AND has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')""")).isEmpty();
        assertThat(names(login, """
                SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('public', 'auth') AND c.relkind = 'S'
                  AND CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(c.oid, 'UPDATE') ELSE false END""")).isEmpty();
    }

    @ParameterizedTest(name = "{0} can SET ROLE {1}: {2}")
    @CsvSource({
            "demo_admin,   tower_owner,    true",
            "demo_admin,   tower_admin,    true",
            "demo_admin,   tower_ops,      false",
            "demo_admin,   tower_analyst,  false",
            "demo_admin,   tower_security, false",
            "demo_ops,     tower_owner,    false",
            "demo_ops,     tower_admin,    false",
            "demo_ops,     tower_ops,      true",
            "demo_ops,     tower_analyst,  false",
            "demo_ops,     tower_security, false",
            "demo_analyst, tower_owner,    false",
            "demo_analyst, tower_admin,    false",
            "demo_analyst, tower_ops,      false",
            "demo_analyst, tower_analyst,  true",
            "demo_analyst, tower_security, false"})
    void setRole(String login, String role, boolean allowed) throws SQLException {
        assertThat(GROUPS).contains(role);
        try (Connection c = db.connectAsDemo(login); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute("SET ROLE " + role));
            if (allowed) {
                assertThat((Throwable) e).as("%s SET ROLE %s", login, role).isNull();
                try (ResultSet rs = s.executeQuery("SELECT current_user, session_user")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(role);
                    assertThat(rs.getString(2)).isEqualTo(login);
                }
            } else {
                assertThat((Throwable) e).as("%s SET ROLE %s must be refused", login, role).isNotNull();
                assertThat(e.getSQLState()).isEqualTo("42501");
            }
        }
    }

    @Test
    void adminWritesOnlyAfterAnExplicitSetRoleToTheOwner() throws SQLException {
        try (Connection c = db.connectAsDemo("demo_admin"); Statement s = c.createStatement()) {
            assertThat(bool(s, "SELECT has_table_privilege('public.system_config', 'UPDATE')")).isFalse();
            assertThat(bool(s, "SELECT pg_has_role('tower_owner', 'USAGE')")).as("inherits nothing from the owner").isFalse();
            assertThat(bool(s, "SELECT pg_has_role('tower_owner', 'SET')")).isTrue();
            s.execute("SET ROLE tower_owner");
            assertThat(bool(s, "SELECT has_table_privilege('public.system_config', 'UPDATE')")).isTrue();
            s.execute("RESET ROLE");
            assertThat(bool(s, "SELECT has_table_privilege('public.system_config', 'UPDATE')")).isFalse();
        }
    }

    // ---- analysts never see customers' contact details

    @ParameterizedTest(name = "analyst: SELECT {0}")
    @ValueSource(strings = {
            "email FROM public.profiles", "phone FROM public.profiles", "address FROM public.profiles",
            "email FROM public.users", "phone FROM public.users",
            "pickup_address FROM public.bookings", "dropoff_address FROM public.bookings",
            "pickup_lat FROM public.bookings", "special_instructions FROM public.bookings",
            "content FROM public.messages",
            "address_book FROM public.customer_profiles",
            "* FROM public.profiles", "* FROM public.bookings", "* FROM public.customer_profiles",
            "email FROM auth.users",
            "business_phone FROM public.providers", "business_email FROM public.providers",
            "business_address FROM public.providers"})
    void analystCannotReadContactDetails(String selectTail) throws SQLException {
        Connection c = as("demo_analyst");
        assertRefused(c, "SELECT " + selectTail + " LIMIT 1");
    }

    @Test
    void analystCanReadWhatDashboardsNeed() throws SQLException {
        Connection c = as("demo_analyst");
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT id, full_name, status FROM public.profiles LIMIT 1").close();
            s.executeQuery("SELECT id, status, price_total, service_area_id FROM public.bookings LIMIT 1").close();
            s.executeQuery("SELECT * FROM public.provider_stats LIMIT 1").close();
            s.executeQuery("SELECT * FROM public.provider_dashboard_stats LIMIT 1").close();
        } finally {
            c.rollback();
        }
    }

    @Test
    void noColumnTheAnalystCanSelectIsAContactDetail() throws SQLException {
        String readable = """
                SELECT n.nspname || '.' || c.relname || '.' || a.attname
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                  AND has_schema_privilege(n.oid, 'USAGE')
                  AND has_column_privilege(c.oid, a.attnum, 'SELECT')
                  %s""";
        // the scan sees something (it is not vacuous) ...
        assertThat(names("demo_analyst", readable.formatted(""))).contains("public.bookings.price_total", "public.profiles.full_name");
        // ... and none of it is an e-mail, phone or address (boolean "verified" flags carry no contact detail)
        assertThat(names("demo_analyst", readable.formatted(
                "AND a.attname ~* '(email|phone|address)' AND a.atttypid <> 'boolean'::regtype"))).isEmpty();
        // the same through information_schema, which lists the grants themselves
        assertThat(names("demo_analyst", """
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.column_privileges
                WHERE privilege_type = 'SELECT' AND grantee IN ('tower_analyst', 'demo_analyst', 'PUBLIC')
                  AND column_name ~* '(email|phone|address)' AND column_name !~* '_verified$'""")).isEmpty();
    }

    // ---- helpers

    private static void assertRefused(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute(sql));
            assertThat((Throwable) e).as("%s must be refused", sql).isNotNull();
            assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage()).isEqualTo("42501");
        } finally {
            c.rollback();
        }
    }

    private boolean privilege(String login, String expression) throws SQLException {
        Connection c = as(login);
        try (Statement s = c.createStatement()) {
            return bool(s, "SELECT " + expression);
        } finally {
            c.rollback();
        }
    }

    private List<String> names(String login, String sql) throws SQLException {
        Connection c = as(login);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } finally {
            c.rollback();
        }
        return out;
    }

    private static boolean bool(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
