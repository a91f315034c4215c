package dev.tower.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indexes, primary/unique keys and foreign keys of the tables a generation has just emptied, taken off
 * before the bulk load and put back, exactly as they were, after it.
 *
 * <p>Why: inserting millions of rows into tables that keep a dozen B-trees up to date row by row costs
 * several times what sorting each B-tree once at the end does; and an index built on a table created or
 * truncated in the same transaction is written without WAL at {@code wal_level=minimal}. Foreign keys go too
 * (the load runs with {@code session_replication_role = replica}, so they were never checked during it
 * anyway) so that the keys they reference can be built late as well; adding them back checks every row once,
 * which is the validation the load skipped.
 *
 * <p>Everything is read from the catalog ({@code pg_get_indexdef}, {@code pg_get_constraintdef}, comments)
 * before it is dropped, so indexes and keys that later migrations add are handled without a list here.
 *
 * <p>Indexes PostgreSQL 17 can only build on one core (GIN and GiST: the bookings' trigram index alone is a
 * good half minute at the large scale) are not built in the load's transaction but after its commit, beside
 * the materialized views' refreshes on a second connection ({@link AfterCommitWork}); their definitions are
 * recorded in {@code tower_demo.deferred_index} by the transaction that drops them ({@link DeferredIndexes}),
 * so a crash in between loses none.
 *
 * <p>Kept in place: keys an {@code ON CONFLICT} of the load needs ({@code keepTables}), exclusion constraints,
 * keys a view depends on (grouping by a primary key), and any index marked for replica identity or
 * clustering (rare enough not to rebuild by hand).
 */
final class DeferredKeys {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredKeys.class);

    /**
     * One thing to take off and put back: how to drop it, how to create it, the comment it carried, and
     * (indexes) its schema-qualified name and whether it is built after the load's commit.
     */
    private record Item(String name, String drop, String create, String comment, String qualifiedName,
                        String table, boolean afterCommit) {}

    private final List<Item> keys;
    private final List<Item> indexes;
    private final List<Item> foreignKeys;

    private DeferredKeys(List<Item> keys, List<Item> indexes, List<Item> foreignKeys) {
        this.keys = keys;
        this.indexes = indexes.stream().filter(i -> !i.afterCommit()).toList();
        this.foreignKeys = foreignKeys;
    }

    /** Relation file numbers of every ordinary table outside the system schemas, by oid. */
    static Map<Long, Long> fileNodes(Connection c) throws SQLException {
        Map<Long, Long> nodes = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.oid, c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_temp%' AND n.nspname NOT LIKE 'pg\\_toast%'""")) {
            while (rs.next()) {
                nodes.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return nodes;
    }

    /**
     * Drops the keys and indexes of the tables whose file changed since {@code before} (those the wipe's
     * TRUNCATE ... CASCADE emptied, whatever migration added them), remembering how to recreate them.
     */
    static DeferredKeys dropOnTruncated(Connection c, Map<Long, Long> before, Set<String> keepTables) throws SQLException {
        Map<Long, Long> after = fileNodes(c);
        List<Long> truncated = new ArrayList<>();
        after.forEach((oid, node) -> {
            Long old = before.get(oid);
            if (old != null && !old.equals(node)) {
                truncated.add(oid);
            }
        });
        if (truncated.isEmpty()) {
            return new DeferredKeys(List.of(), List.of(), List.of());
        }
        String oids = "{" + String.join(",", truncated.stream().map(String::valueOf).toList()) + "}";
        String kept = "{" + String.join(",", keepTables) + "}";
        List<Item> foreignKeys = read(c, oids, kept, FOREIGN_KEYS, false);
        List<Item> keys = read(c, oids, kept, KEYS, false);
        List<Item> indexes = read(c, oids, kept, INDEXES, true);
        // everything is read before anything is dropped: a definition printed after a drop could differ
        try (Statement s = c.createStatement()) {
            for (List<Item> group : List.of(foreignKeys, keys, indexes)) {
                for (Item item : group) {
                    s.execute(item.drop());
                }
            }
        }
        List<Item> afterCommit = indexes.stream().filter(Item::afterCommit).toList();
        DeferredIndexes.record(c, afterCommit.stream()
                .map(i -> new DeferredIndexes.Definition(i.qualifiedName(), i.table(), i.create(), i.comment())).toList());
        LOG.info("deferred {} keys, {} indexes and {} foreign keys of {} emptied tables to after the load, and {} indexes"
                        + " to after its commit", keys.size(), indexes.size() - afterCommit.size(), foreignKeys.size(),
                truncated.size(), afterCommit.size());
        return new DeferredKeys(keys, indexes, foreignKeys);
    }

    /** Puts back the keys, then the indexes, then the foreign keys (checking every row), with their comments. */
    void rebuild(Connection c, StepTimer timer) throws SQLException {
        for (Item item : keys) {
            timer.time("rebuild / key " + item.name(), () -> run(c, item));
        }
        for (Item item : indexes) {
            timer.time("rebuild / index " + item.name(), () -> run(c, item));
        }
        for (Item item : foreignKeys) {
            timer.time("rebuild / foreign key " + item.name(), () -> run(c, item));
        }
    }

    private static void run(Connection c, Item item) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(item.create());
            if (item.comment() != null) {
                s.execute(item.comment());
            }
        }
    }

    /**
     * Reads rows of (name, create, drop, comment, comment statement template) for the emptied tables, and for
     * {@code index}es also (qualified name, qualified table name, built after the commit).
     */
    private static List<Item> read(Connection c, String oids, String kept, String sql, boolean index) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, oids);
            p.setString(2, kept);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String comment = rs.getString(4);
                    String commentSql = comment == null ? null
                            : rs.getString(5).replace("%s", "'" + comment.replace("'", "''") + "'");
                    items.add(new Item(rs.getString(1), rs.getString(3), rs.getString(2), commentSql,
                            index ? rs.getString(6) : null, index ? rs.getString(7) : null, index && rs.getBoolean(8)));
                }
            }
        }
        return items;
    }

    /** The emptied tables (parameter 1) and the tables whose keys stay (parameter 2), for the queries below. */
    private static final String TABLES = """
            WITH emptied AS (SELECT unnest(?::oid[]) AS oid),
                 kept AS (SELECT unnest(?::text[]) AS name)
            """;

    /**
     * Indexes rebuilt by hand would lose these marks, a view grouping by a primary key depends on that key, and
     * a partition's index or foreign key belongs to its parent's (dropping either would fail); they are rare,
     * so such indexes and keys stay.
     */
    private static final String PLAIN_INDEX = """
            NOT i.indisreplident AND NOT i.indisclustered AND i.indisvalid
            AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
            AND NOT EXISTS (SELECT 1 FROM pg_depend d
                            WHERE d.deptype = 'n' AND d.classid = 'pg_rewrite'::regclass
                              AND ((d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid)
                                   OR (d.refclassid = 'pg_constraint'::regclass
                                       AND d.refobjid IN (SELECT oid FROM pg_constraint WHERE conindid = i.indexrelid
                                                                                         AND contype <> 'f'))))
            AND i.indrelid IN (SELECT oid FROM emptied)
            AND i.indrelid::regclass::text NOT IN (SELECT name FROM kept)
            """;

    /** (name, create, drop, comment, comment statement) of a constraint {@code con}. */
    private static final String CONSTRAINT = """
            SELECT con.conname,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', con.conrelid::regclass, con.conname,
                          pg_get_constraintdef(con.oid)),
                   format('ALTER TABLE %s DROP CONSTRAINT %I', con.conrelid::regclass, con.conname),
                   obj_description(con.oid, 'pg_constraint'),
                   format('COMMENT ON CONSTRAINT %I ON %s IS ', con.conname, con.conrelid::regclass) || '%s'
            """;

    private static final String FOREIGN_KEYS = TABLES + CONSTRAINT + """
            FROM pg_constraint con
            WHERE con.contype = 'f' AND con.conparentid = 0
              AND (con.conrelid IN (SELECT oid FROM emptied) OR con.confrelid IN (SELECT oid FROM emptied))
            ORDER BY con.conrelid::regclass::text, con.conname""";

    // a key whose index carries its own comment would lose it with the constraint: such keys stay
    private static final String KEYS = TABLES + CONSTRAINT + """
            FROM pg_constraint con JOIN pg_index i ON i.indexrelid = con.conindid
            WHERE con.contype IN ('p', 'u') AND obj_description(con.conindid, 'pg_class') IS NULL AND
            """ + PLAIN_INDEX + """
            ORDER BY con.conrelid::regclass::text, con.conname""";

    private static final String INDEXES = TABLES + """
            SELECT ic.relname,
                   pg_get_indexdef(i.indexrelid),
                   format('DROP INDEX %s', i.indexrelid::regclass),
                   obj_description(i.indexrelid, 'pg_class'),
                   format('COMMENT ON INDEX %s IS ', i.indexrelid::regclass) || '%s',
                   format('%I.%I', icn.nspname, ic.relname),
                   format('%I.%I', tn.nspname, t.relname),
                   -- after the commit: PostgreSQL 17 builds these on one core, so they run beside other work
                   -- there; not expression indexes, whose statistics the load's ANALYZE gathers
                   am.amname <> 'btree' AND i.indexprs IS NULL
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace icn ON icn.oid = ic.relnamespace
            JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_am am ON am.oid = ic.relam
            WHERE ic.relkind = 'i'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype <> 'f')
              AND
            """ + PLAIN_INDEX + """
            ORDER BY i.indrelid::regclass::text, ic.relname""";
}
