package dev.tower.demo;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every index, constraint and trigger outside the system schemas, with its full definition, whether it is
 * valid and enabled, and its comment: what a generation that takes keys off and puts them back must leave
 * exactly as a migrated database has it.
 */
final class SchemaFingerprint {
    private SchemaFingerprint() {}

    private static final String USER_SCHEMAS = " " + """
            n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
            AND n.nspname NOT LIKE 'pg\\_temp%'""";

    static List<String> of(DataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            collect(s, rows, """
                    SELECT 'index ' || i.indexrelid::regclass || ': ' || pg_get_indexdef(i.indexrelid)
                           || ' valid=' || i.indisvalid || ' ready=' || i.indisready || ' live=' || i.indislive
                           || ' comment=' || coalesce(obj_description(i.indexrelid, 'pg_class'), '-')
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE""" + USER_SCHEMAS);
            collect(s, rows, """
                    SELECT 'constraint ' || con.conrelid::regclass || '.' || con.conname || ': ' || pg_get_constraintdef(con.oid)
                           || ' validated=' || con.convalidated || ' index=' || coalesce(con.conindid::regclass::text, '-')
                           || ' comment=' || coalesce(obj_description(con.oid, 'pg_constraint'), '-')
                    FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
                    WHERE""" + USER_SCHEMAS);
            collect(s, rows, """
                    SELECT 'trigger ' || t.tgrelid::regclass || '.' || t.tgname || ': ' || pg_get_triggerdef(t.oid)
                           || ' enabled=' || t.tgenabled::text
                    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE NOT t.tgisinternal AND""" + USER_SCHEMAS);
        }
        rows.sort(null);
        return rows;
    }

    private static void collect(Statement s, List<String> rows, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
    }
}
