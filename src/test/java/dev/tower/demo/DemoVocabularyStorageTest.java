package dev.tower.demo;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vocabulary row every pick() reads (demo_w, 01_setup.sql) is stored uncompressed: compressed, each
 * pick decompresses its array again, which made two picks per row over a million rows take 15 s instead of
 * 0.5 s. A vocabulary that outgrows one page would be compressed again; this says so before it is slow.
 */
class DemoVocabularyStorageTest {
    @Test
    void noArrayOfTheVocabularyRowIsCompressed() throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (DemoScript.Step step : DemoScript.load("01_setup.sql",
                        DemoDataGenerator.params(DemoScale.SMALL, Instant.parse("2026-06-01T12:00:00Z")))) {
                    s.execute(step.sql());
                }
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        SELECT attname FROM pg_attribute WHERE attrelid = 'pg_temp.demo_w'::regclass AND attnum > 0
                        AND NOT attisdropped ORDER BY attnum""")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                assertThat(columns).contains("first_names", "last_names", "pickup_places");
                List<String> compressed = new ArrayList<>();
                for (String column : columns) {
                    try (ResultSet rs = s.executeQuery("SELECT pg_column_compression(" + column + ") FROM demo_w")) {
                        rs.next();
                        if (rs.getString(1) != null) {
                            compressed.add(column);
                        }
                    }
                }
                assertThat(compressed).as("compressed vocabulary columns").isEmpty();
            } finally {
                c.rollback();
            }
        }
    }
}
