package dev.tower.schema;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.testing.TestDatabase;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second database in the test cluster, set up exactly as Tower sets up its own (roles, every migration
 * through the setup login, staff functions), for tests that break its migration history for real.
 */
final class ScratchDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    final String name;
    final String jdbcUrl;
    final DataSource superuser;

    private ScratchDatabase(String name) {
        this.name = name;
        TestDatabase db = TestDatabase.get();
        this.jdbcUrl = db.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + name + "?");
        this.superuser = DataSources.simple(new ConnectionSettings(jdbcUrl, EmbeddedDatabase.SUPERUSER,
                db.superuserPassword().toCharArray()));
    }

    /** @param migrated apply this build's migrations and staff functions (else an empty database) */
    static ScratchDatabase create(boolean migrated) throws SQLException {
        String name = "scratch_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = TestDatabase.get().superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER tower_owner");
        }
        ScratchDatabase scratch = new ScratchDatabase(name);
        if (migrated) {
            RoleBootstrap.ensureRoles(scratch.superuser);
            try (SetupLogin setup = SetupLogin.open(scratch.superuser)) {
                new Migrator(setup.settings()).migrate();
            }
            RoleBootstrap.ensureStaffFunctions(scratch.superuser);
        }
        return scratch;
    }

    void execute(String sql) throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    String query(String sql) throws SQLException {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A folder holding copies of this build's migration scripts, to change, add to or remove from. */
    static Path copyOfBuildScripts(Path into) throws Exception {
        Path source = Path.of(ScratchDatabase.class.getClassLoader().getResource("db/migration").toURI());
        Files.createDirectories(into);
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        return into;
    }

    void drop() {
        try (Connection c = TestDatabase.get().superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop " + name, e);
        }
    }
}
