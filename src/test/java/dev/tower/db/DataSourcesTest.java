package dev.tower.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.demo.DemoLogins;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md's Connections section, read back from a staff member's pool. */
class DataSourcesTest {
    @Test
    void aStaffPoolIsSmallNoticesADeadServerAndNeverHangsOnAHalfOpenSocket() {
        ConnectionSettings settings = TestDatabase.get().settings("demo_analyst", DemoLogins.PASSWORD);
        try (HikariDataSource pool = DataSources.staffPool(settings, "settings-under-test")) {
            assertThat(pool.getMaximumPoolSize()).isBetween(2, 4);
            assertThat(Duration.ofMillis(pool.getConnectionTimeout())).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
            assertThat(Duration.ofMillis(pool.getValidationTimeout())).isEqualTo(Duration.ofSeconds(1));
            assertThat(Duration.ofMillis(pool.getKeepaliveTime())).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(5));
            assertThat(pool.getMaxLifetime()).isGreaterThan(pool.getKeepaliveTime());
            int socketTimeout = Integer.parseInt(pool.getDataSourceProperties().getProperty("socketTimeout"));
            assertThat(socketTimeout).isBetween(30, 60);
            assertThat(pool.getDataSourceProperties().getProperty("tcpKeepAlive")).isEqualTo("true");
        }
    }
}
