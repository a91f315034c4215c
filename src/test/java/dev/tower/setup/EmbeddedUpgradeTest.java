package dev.tower.setup;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 4: the first start of a newer Tower on the embedded database an older Tower left in the
 * user's folder. The older Tower is simulated by what it did to that folder: it created the cluster, its
 * password file and roles, and applied the migrations it knew (up to {@value #OLDER_VERSION}); the user's
 * data (a setting here) lives in it. The newer start must reuse that cluster and password, apply the rest,
 * say so in a sentence, keep the data, and say nothing on the start after that.
 */
class EmbeddedUpgradeTest {
    /** The newest migration of the older Tower: what landed before V50 and V60. */
    static final String OLDER_VERSION = "40";

    @TempDir
    Path tmp;

    @Test
    void theFirstStartAfterAnUpgradeMigratesTheOldDatabaseKeepsItsDataAndSaysSo() throws Exception {
        Path home = tmp.resolve("tower");
        String password = startAsOlderTowerAndKeepASetting(home);

        EmbeddedStartup.Ready upgraded = EmbeddedStartup.start(home, 0, false);
        try {
            assertThat(upgraded.database().freshCluster()).as("the old cluster is reused").isFalse();
            assertThat(upgraded.database().superuserPassword()).isEqualTo(password);
            assertThat(home.resolve("embedded.properties")).isRegularFile();
            String latest = latestVersion(upgraded.superuser());
            assertThat(latest).isNotEqualTo(OLDER_VERSION);
            assertThat(upgraded.upgraded()).hasValueSatisfying(notice -> assertThat(notice)
                    .contains("upgraded its database").contains("from schema version " + OLDER_VERSION + " to " + latest)
                    .contains("your data and settings were kept"));
            assertThat(query(upgraded.superuser(), "SELECT config_value #>> '{}' FROM system_config"
                    + " WHERE config_key = 'upgrade_test_marker'")).isEqualTo("kept across the upgrade");
            assertThat(query(upgraded.superuser(), "SELECT count(*) FROM flyway_schema_history WHERE version = '60'"
                    + " AND success")).isEqualTo("1");
        } finally {
            upgraded.database().close();
        }

        EmbeddedStartup.Ready again = EmbeddedStartup.start(home, 0, false);
        try {
            assertThat(again.upgraded()).as("a start with nothing to migrate says nothing").isEmpty();
        } finally {
            again.database().close();
        }
    }

    @Test
    void aFreshInstallationIsNotCalledAnUpgrade() {
        EmbeddedStartup.Ready fresh = EmbeddedStartup.start(tmp.resolve("fresh"), 0, false);
        try {
            assertThat(fresh.database().freshCluster()).isTrue();
            assertThat(fresh.upgraded()).isEmpty();
        } finally {
            fresh.database().close();
        }
    }

    /** What the older Tower left behind; returns the superuser password it generated. */
    private static String startAsOlderTowerAndKeepASetting(Path home) throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(home, 0)) {
            DataSource superuser = DataSources.simple(new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                    db.superuserPassword().toCharArray()));
            RoleBootstrap.ensureRoles(superuser);
            try (SetupLogin setup = SetupLogin.open(superuser)) {
                Flyway.configure().dataSource(DataSources.simple(setup.settings()))
                        .locations("classpath:db/migration").initSql("SET ROLE " + Migrator.OWNER_ROLE)
                        .defaultSchema("public").schemas("public").createSchemas(false)
                        .target(OLDER_VERSION).load().migrate();
            }
            try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO system_config (config_key, config_value, description)"
                        + " VALUES ('upgrade_test_marker', to_jsonb('kept across the upgrade'::text), 'upgrade test')");
            }
            assertThat(query(superuser, "SELECT max(version::int) FROM flyway_schema_history")).isEqualTo(OLDER_VERSION);
            return db.superuserPassword();
        }
    }

    private static String latestVersion(DataSource superuser) throws SQLException {
        return query(superuser, "SELECT max(version::int) FROM flyway_schema_history");
    }

    private static String query(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
