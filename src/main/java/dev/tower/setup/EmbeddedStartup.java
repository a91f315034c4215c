package dev.tower.setup;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.DatabaseSetupException;
import dev.tower.demo.DemoLogins;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoReport;
import dev.tower.demo.DemoScale;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Starts Tower's own database and makes it ready: roles, migrations (it is Tower's database, so it is
 * migrated on start; an external one never is), demo logins, and the small demo market on first use.
 */
public final class EmbeddedStartup {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStartup.class);

    /**
     * A running, migrated embedded database and the superuser source used to set it up. {@code upgraded}
     * says, in a sentence for the user, that this start migrated an existing database to a newer schema
     * (the first start after installing a newer Tower); empty on a fresh or already current database.
     */
    public record Ready(EmbeddedDatabase database, DataSource superuser, Optional<DemoReport> demoLoaded,
                        Optional<String> upgraded) {}

    private EmbeddedStartup() {}

    public static Ready start(Path home, int port) {
        return start(home, port, true);
    }

    /** @param demoIfEmpty load the small demo market when the marketplace has no providers yet */
    public static Ready start(Path home, int port, boolean demoIfEmpty) {
        EmbeddedDatabase db = EmbeddedDatabase.start(home, port);
        try {
            ConnectionSettings superuserSettings = new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                    db.superuserPassword().toCharArray());
            DataSource superuser = DataSources.simple(superuserSettings);
            RoleBootstrap.ensureRoles(superuser);
            MigrateResult migrated;
            // on a real non-superuser login: planted owner code cannot RESET ROLE to superuser
            try (SetupLogin setup = SetupLogin.open(superuser)) {
                migrated = new Migrator(setup.settings()).migrate();
            }
            if (migrated.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) to the embedded database", migrated.migrationsExecuted);
            }
            Optional<String> upgraded = upgradeNotice(home, migrated);
            upgraded.ifPresent(LOG::info);
            RoleBootstrap.ensureStaffFunctions(superuser);
            DemoLogins.createMissing(superuser);
            Optional<DemoReport> demo = Optional.empty();
            if (demoIfEmpty && !hasBusinessData(superuser)) {
                LOG.info("Empty marketplace: generating the small demo market");
                demo = Optional.of(new DemoDataGenerator(superuser).generate(DemoScale.SMALL));
            }
            return new Ready(db, superuser, demo, upgraded);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * An existing database (it had a schema version before this start) that this start migrated further:
     * what a newer Tower does on its first start after an upgrade. A fresh database says nothing.
     */
    static Optional<String> upgradeNotice(Path home, MigrateResult migrated) {
        String before = migrated.initialSchemaVersion;
        if (before == null || before.isBlank() || migrated.migrationsExecuted == 0) {
            return Optional.empty();
        }
        return Optional.of("Tower upgraded its database in " + home + " from schema version " + before
                + " to " + migrated.targetSchemaVersion + " (" + migrated.migrationsExecuted
                + " migration(s) applied); your data and settings were kept.");
    }

    static boolean hasBusinessData(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM providers)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not read the embedded database: " + e.getMessage(), e);
        }
    }
}
