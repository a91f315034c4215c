package dev.tower.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for tests that talk to the database the way psql would. */
public final class SqlProbe {
    private SqlProbe() {}

    /** Runs the statement; returns null when it succeeded, else its SQLSTATE. Rolls back either way. */
    public static String stateOf(Connection c, String sql) {
        boolean auto = autoCommit(c);
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        } finally {
            try {
                c.rollback();
                c.setAutoCommit(auto);
            } catch (SQLException ignored) {
                // the connection is already broken; the assertion that follows says why
            }
        }
    }

    /** The server's message for a statement expected to fail (null when it succeeded). */
    public static String messageOf(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    public static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public static String value(Connection c, String sql) throws SQLException {
        List<String> values = column(c, sql);
        return values.isEmpty() ? null : values.getFirst();
    }

    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            return true;
        }
    }
}
