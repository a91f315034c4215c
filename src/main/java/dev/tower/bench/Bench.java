package dev.tower.bench;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.db.SetupLogin;
import dev.tower.demo.DemoScale;
import dev.tower.security.Role;
import dev.tower.security.Session;
import dev.tower.setup.EmbeddedStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code tower bench}: starts (or reuses) an embedded demo database of the scale asked for, runs every
 * registered operation as its role, writes the report and answers 0 only when every target was met.
 */
public final class Bench {
    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    /** Fewer bookings than this is a small market; the large one has a million. */
    private static final long LARGE_BOOKINGS = 500_000;

    public record Options(DemoScale scale, Path dataDir, Path out, String only, int repeat) {
        public Options {
            if (repeat < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1.");
            }
        }
    }

    /** Signs the demo login of a role in through Tower's own sign-in. */
    @FunctionalInterface
    public interface SignIn {
        Session signIn(String jdbcUrl, Role role);
    }

    /** Generates the demo market of a scale (DemoDataGenerator, wired by the composition root). */
    @FunctionalInterface
    public interface DemoGenerator {
        void generate(DataSource superuser, DemoScale scale);
    }

    /**
     * What the bench needs from other features, constructed by the composition root (app).
     *
     * @param appStartup launches the console itself to time its start-up; null skips those rows
     */
    public record Wiring(SignIn signIn, DemoGenerator demo, AppStartupBench.Launcher appStartup) {
        public Wiring(SignIn signIn, DemoGenerator demo) {
            this(signIn, demo, null);
        }
    }

    private Bench() {}

    /** @return the exit code: 0 when every operation met its target, 1 otherwise */
    public static int run(Options options, Wiring wiring, Consumer<String> say) {
        say.accept("Starting the " + label(options.scale()) + " bench database in " + options.dataDir() + " ...");
        EmbeddedStartup.Ready ready = EmbeddedStartup.start(options.dataDir(), 0, false);
        try {
            ensureDemo(ready.superuser(), options.scale(), wiring.demo(), say);
            vacuumPending(ready.superuser(), say);
            EmbeddedDatabase db = ready.database();
            ConnectionSettings superuser = new ConnectionSettings(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
                    db.superuserPassword().toCharArray());
            BenchReport report;
            try (BenchSessions sessions = new BenchSessions(options.scale(), superuser, wiring.signIn())) {
                List<BenchOperation> ops = BenchRunner.select(BenchRunner.discover(sessions), options.only());
                say.accept("Measuring " + ops.size() + " operations, " + BenchRunner.WARM_UP + " warm-up and "
                        + options.repeat() + " timed executions each ...");
                List<BenchResult> results = new ArrayList<>(
                        BenchRunner.run(ops, sessions, options.repeat(), r -> say.accept(line(r))));
                List<String> notes = new ArrayList<>(notes(options));
                notes.addAll(sessions.notes());
                results.addAll(AppStartupBench.measure(wiring.appStartup(), db.jdbcUrl(), options, notes::add,
                        r -> say.accept(line(r))));
                report = new BenchReport(results, notes);
            }
            report.write(options.out());
            say.accept("Wrote " + options.out().resolve("bench.md") + " and bench.csv");
            List<String> problems = report.problems();
            problems.forEach(p -> say.accept("MISSED: " + p));
            return problems.isEmpty() ? 0 : 1;
        } finally {
            ready.database().close();
        }
    }

    private static List<String> notes(Options options) {
        List<String> notes = new ArrayList<>();
        notes.add("Scale " + label(options.scale()) + "; " + BenchRunner.WARM_UP + " warm-up executions on the same "
                + "connection, then " + options.repeat() + " timed. ratio = baseline p50 / p50 (above 1: Tower's way is faster).");
        return notes;
    }

    /** Generates the demo market unless the database already holds one of this scale. */
    static void ensureDemo(DataSource superuser, DemoScale scale, DemoGenerator demo, Consumer<String> say) {
        long bookings = bookings(superuser);
        boolean large = bookings >= LARGE_BOOKINGS;
        if (bookings > 0 && large == (scale == DemoScale.LARGE)) {
            LOG.info("Reusing the {} demo market ({} bookings)", label(scale), bookings);
            return;
        }
        say.accept("Generating the " + label(scale) + " demo market ...");
        demo.generate(superuser, scale);
    }

    /**
     * VACUUMs, before anything is measured, the tables autovacuum would take on during the run: right after a
     * demo load that is every big table (its inserted rows need their visibility-map pass), minutes of work on
     * both cores that showed up as slow list pages and mutation spikes in the first minutes of a bench. As
     * tower_setup (the demo generator's login, a member of the owner role), never as the superuser; a table it
     * may not vacuum is skipped by VACUUM itself, with a warning.
     */
    static void vacuumPending(DataSource superuser, Consumer<String> say) {
        try (SetupLogin setup = SetupLogin.open(superuser); Connection c = setup.dataSource().getConnection();
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT format('%I.%I', schemaname, relname) FROM pg_catalog.pg_stat_user_tables
                    WHERE n_ins_since_vacuum + n_dead_tup > 10000 ORDER BY n_live_tup DESC""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return;
            }
            say.accept("Vacuuming " + tables.size() + " table(s) first, so autovacuum does not run during the measurements ...");
            for (String table : tables) {
                s.execute("VACUUM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not vacuum the bench database: " + e.getMessage(), e);
        }
    }

    private static long bookings(DataSource superuser) {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM public.bookings")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the bench database: " + e.getMessage(), e);
        }
    }

    private static String line(BenchResult r) {
        if (r.failed()) {
            return String.format(Locale.ROOT, "  %-44s FAILED: %s", r.name(), r.error());
        }
        return String.format(Locale.ROOT, "  %-44s p50 %9.3f  p95 %9.3f  max %9.3f ms%s", r.name(), r.p50Ms(),
                r.p95Ms(), r.maxMs(), r.missesTarget() ? "  (missed target)" : "");
    }

    private static String label(DemoScale scale) {
        return scale.name().toLowerCase(Locale.ROOT);
    }
}
