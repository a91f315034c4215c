package dev.tower.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.demo.DemoLogins;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6 item 4: asking an admin's database for its migrations ({@code SET ROLE tower_owner} inside)
 * never leaves that admin's pool acting as the owner.
 */
class MigratorSessionTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void pendingAndAllLeaveTheAdminsPoolAsTheAdmin() throws Exception {
        ConnectionSettings admin = db.settings("demo_admin", DemoLogins.PASSWORD);
        try (HikariDataSource pool = DataSources.staffPool(admin, "admin-under-test")) {
            warm(pool);
            Migrator migrator = new Migrator(admin);
            assertThat(migrator.pending()).isEmpty();
            assertThat(migrator.all()).isNotEmpty();

            List<Connection> borrowed = new ArrayList<>();
            try {
                for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                    Connection c = pool.getConnection();
                    borrowed.add(c);
                    assertThat(scalar(c, "SELECT current_user")).isEqualTo("demo_admin");
                    assertThatThrownBy(() -> execute(c, "INSERT INTO system_config (config_key, config_value)"
                            + " VALUES ('migrator.leak', '1'::jsonb)"))
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                }
            } finally {
                for (Connection c : borrowed) {
                    c.close();
                }
            }
        }
    }

    @Test
    void migrationConnectionsAreClosedAfterTheCall() throws Exception {
        new Migrator(db.settings("demo_admin", DemoLogins.PASSWORD)).pending();
        // a closed connection's backend exits a moment after the client hangs up: wait for it, boundedly
        long left = -1;
        for (int i = 0; i < 50 && left != 0; i++) {
            try (Connection c = db.superuser().getConnection()) {
                left = Long.parseLong(scalar(c, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + Migrator.APPLICATION_NAME + "'"));
            }
            if (left != 0) {
                Thread.sleep(100);
            }
        }
        assertThat(left).as("Flyway connections still open").isZero();
    }

    private static void warm(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
