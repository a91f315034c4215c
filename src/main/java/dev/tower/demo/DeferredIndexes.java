package dev.tower.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The record, in {@code tower_demo.deferred_index}, of the indexes a generation dropped and builds only after
 * its load has committed (see {@link DeferredKeys}).
 *
 * <p>Why a table: the load's transaction drops those indexes and commits; if the process died before they
 * were built again, the next generation, which reads definitions from the catalog, would never know them.
 * Written by the transaction that drops them, each row is deleted by the transaction that builds its index,
 * so the record and the catalog always agree; rows left by a crash are built after the next load.
 *
 * <p>tower_setup runs the recorded statements, so the table must be its own: the role bootstrap
 * ({@code db/bootstrap/V0__roles.sql}) makes the schema and table as tower_setup, whom no staff role can
 * become, and {@link #checkOwner} refuses to use them if anyone else owns either.
 */
final class DeferredIndexes {
    static final String TABLE = "tower_demo.deferred_index";

    /** One index to build: its and its table's schema-qualified names, its CREATE INDEX, its COMMENT or null. */
    record Definition(String indexName, String tableName, String createSql, String commentSql) {}

    private DeferredIndexes() {}

    /** Records {@code definitions} in the caller's transaction (the one that drops those indexes). */
    static void record(Connection c, List<Definition> definitions) throws SQLException {
        checkOwner(c);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO " + TABLE + " (index_name, table_name, create_sql, comment_sql) VALUES (?, ?, ?, ?)"
                        // the catalog's definition wins: it is the index as it was a moment ago
                        + " ON CONFLICT (index_name) DO UPDATE SET table_name = EXCLUDED.table_name,"
                        + " create_sql = EXCLUDED.create_sql, comment_sql = EXCLUDED.comment_sql, deferred_at = now()")) {
            for (Definition d : definitions) {
                p.setString(1, d.indexName());
                p.setString(2, d.tableName());
                p.setString(3, d.createSql());
                p.setString(4, d.commentSql());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Every recorded index, biggest table first (the longest builds start first). */
    static List<Definition> pending(Connection c) throws SQLException {
        checkOwner(c);
        List<Definition> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT d.index_name, d.table_name, d.create_sql, d.comment_sql
                FROM tower_demo.deferred_index d
                ORDER BY pg_catalog.pg_relation_size(pg_catalog.to_regclass(d.table_name)) DESC NULLS LAST, d.index_name""")) {
            while (rs.next()) {
                found.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return found;
    }

    /**
     * Builds one recorded index and deletes its row, in one transaction on {@code c} (auto-commit off); an
     * index of that name that exists already (built by a run that died before its commit was
     * acknowledged) is left as it is. Answers whether this call built it.
     */
    static boolean build(Connection c, Definition d) throws SQLException {
        try {
            boolean exists;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT pg_catalog.to_regclass(index_name) IS NOT NULL FROM " + TABLE
                            + " WHERE index_name = ? FOR UPDATE")) {
                p.setString(1, d.indexName());
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) { // built and deleted by another run meanwhile
                        c.commit();
                        return false;
                    }
                    exists = rs.getBoolean(1);
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute(d.createSql());
                    if (d.commentSql() != null) {
                        s.execute(d.commentSql());
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + TABLE + " WHERE index_name = ?")) {
                p.setString(1, d.indexName());
                p.executeUpdate();
            }
            c.commit();
            return !exists;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** Refuses a schema or table that is not tower_setup's: whoever owns it decides what tower_setup runs. */
    static void checkOwner(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT (SELECT n.nspowner::regrole::text FROM pg_catalog.pg_namespace n WHERE n.nspname = 'tower_demo'),
                       (SELECT t.relowner::regrole::text FROM pg_catalog.pg_class t
                        WHERE t.oid = pg_catalog.to_regclass('tower_demo.deferred_index'))""")) {
            rs.next();
            String schemaOwner = rs.getString(1);
            String tableOwner = rs.getString(2);
            if (schemaOwner == null || tableOwner == null) {
                throw new SQLException("The demo generator's table " + TABLE + " is missing; start Tower's embedded"
                        + " database once (tower db start) so that its setup creates it.", "42P01");
            }
            if (!"tower_setup".equals(schemaOwner)) {
                throw new SQLException("The demo generator's schema tower_demo belongs to " + schemaOwner
                        + ", not tower_setup; it is not used.", "42501");
            }
            if (!"tower_setup".equals(tableOwner)) {
                throw new SQLException("The demo generator's table " + TABLE + " belongs to " + tableOwner
                        + ", not tower_setup; it is not used.", "42501");
            }
        }
    }
}
