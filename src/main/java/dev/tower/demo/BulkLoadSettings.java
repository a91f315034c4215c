package dev.tower.demo;

import dev.tower.db.DatabaseSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings a large generation runs under, set with {@code ALTER SYSTEM} for one restart of the
 * embedded server and put back as they were afterwards (taking effect at its next start).
 *
 * <p>Why: at {@code wal_level=minimal} a table truncated or created in the transaction that loads it is
 * written without WAL (the generation is one such transaction), so several GB are written once instead of
 * twice, with no checkpoints in between; {@code max_wal_senders=0} is what minimal requires. More shared
 * buffers keep the bookings and their plans in memory while the later steps join them. None of this
 * changes the data; the embedded server has no replicas or archive that minimal WAL would starve.
 */
public final class BulkLoadSettings {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoadSettings.class);

    /** Name to value, in the order they are set. */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("wal_level", "minimal");
        SETTINGS.put("max_wal_senders", "0");
        SETTINGS.put("shared_buffers", "1GB");
        SETTINGS.put("max_wal_size", "8GB");
        SETTINGS.put("checkpoint_timeout", "1h");
    }

    /** What {@code postgresql.auto.conf} said before {@link #apply}, to restore: name to value or null (unset). */
    public record Previous(Map<String, String> values) {}

    private BulkLoadSettings() {}

    /** True when the running server already runs at minimal WAL (the setting that needs the restart). */
    public static boolean inEffect(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('wal_level') = 'minimal'")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not read the server settings: " + e.getMessage(), e);
        }
    }

    /** Writes the bulk-load values with ALTER SYSTEM (they apply at the next start) and says what was there. */
    public static Previous apply(DataSource superuser) {
        Map<String, String> previous = new LinkedHashMap<>();
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT setting FROM pg_file_settings
                    WHERE name = ? AND sourcefile LIKE '%postgresql.auto.conf'
                    ORDER BY seqno DESC LIMIT 1""")) {
                for (String name : SETTINGS.keySet()) {
                    p.setString(1, name);
                    try (ResultSet rs = p.executeQuery()) {
                        previous.put(name, rs.next() ? rs.getString(1) : null);
                    }
                }
            }
            for (Map.Entry<String, String> e : SETTINGS.entrySet()) {
                s.execute("ALTER SYSTEM SET " + e.getKey() + " = '" + e.getValue() + "'");
            }
            LOG.info("Bulk-load server settings written for the next start: {}", SETTINGS);
            return new Previous(previous);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not change the server settings: " + e.getMessage(), e);
        }
    }

    /** Puts {@code postgresql.auto.conf} back as {@link #apply} found it; the server uses it from its next start. */
    public static void restore(DataSource superuser, Previous previous) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : previous.values().entrySet()) {
                s.execute(e.getValue() == null ? "ALTER SYSTEM RESET " + e.getKey()
                        : "ALTER SYSTEM SET " + e.getKey() + " = '" + e.getValue().replace("'", "''") + "'");
            }
            LOG.info("Server settings put back for the next start");
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not put the server settings back: " + e.getMessage(), e);
        }
    }
}
