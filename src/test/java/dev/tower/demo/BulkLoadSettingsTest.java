package dev.tower.demo;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk-load settings go into postgresql.auto.conf for one start and come out exactly as they were. */
class BulkLoadSettingsTest {
    private final DataSource superuser = TestDatabase.get().superuser();

    @AfterEach
    void leaveTheFileAsItWas() throws Exception {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            for (String name : BulkLoadSettings.SETTINGS.keySet()) {
                s.execute("ALTER SYSTEM RESET " + name);
            }
        }
    }

    @Test
    void applyWritesTheValuesAndRestorePutsBackWhatWasThere() throws Exception {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET max_wal_size = '2GB'"); // an administrator's own choice, to keep
        }
        assertThat(BulkLoadSettings.inEffect(superuser)).isFalse();

        BulkLoadSettings.Previous previous = BulkLoadSettings.apply(superuser);

        assertThat(autoConf("wal_level")).isEqualTo("minimal");
        assertThat(autoConf("max_wal_senders")).isEqualTo("0");
        assertThat(autoConf("max_wal_size")).isEqualTo("8GB");
        assertThat(previous.values()).containsEntry("max_wal_size", "2GB").containsEntry("wal_level", null);

        BulkLoadSettings.restore(superuser, previous);

        assertThat(autoConf("wal_level")).isNull();
        assertThat(autoConf("max_wal_senders")).isNull();
        assertThat(autoConf("shared_buffers")).isNull();
        assertThat(autoConf("max_wal_size")).isEqualTo("2GB");
        // nothing took effect on the running server: that needs the restart only `tower demo` does
        assertThat(BulkLoadSettings.inEffect(superuser)).isFalse();
    }

    private String autoConf(String name) throws Exception {
        try (Connection c = superuser.getConnection(); PreparedStatement p = c.prepareStatement("""
                SELECT setting FROM pg_file_settings
                WHERE name = ? AND sourcefile LIKE '%postgresql.auto.conf' ORDER BY seqno DESC LIMIT 1""")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
