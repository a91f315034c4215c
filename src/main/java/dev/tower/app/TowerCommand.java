package dev.tower.app;

import dev.tower.setup.EmbeddedStartup;
import dev.tower.db.JdbcUrls;
import dev.tower.db.TowerHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "tower", mixinStandardHelpOptions = true, versionProvider = TowerVersion.class, usageHelpAutoWidth = true,
        description = {"Tower, the operations console of the marketplace.",
                "With no database given, Tower starts its own embedded PostgreSQL with a demo market."},
        subcommands = {DbCommand.class, DemoCommand.class, BenchCommand.class, AuditCommand.class, SettleCommand.class})
final class TowerCommand implements Callable<Integer> {

    @Option(names = "--db-url", paramLabel = "URL", defaultValue = "${env:TOWER_DB_URL}",
            description = "Use this PostgreSQL database instead of the embedded one "
                    + "(jdbc:postgresql://host:5432/db or postgresql://...; default: $TOWER_DB_URL).")
    String dbUrl;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded database (default: $TOWER_HOME or ~/.local/share/tower).")
    Path dataDir;

    @Option(names = "--replica", paramLabel = "HOST:PORT", defaultValue = "${env:TOWER_REPLICA}",
            description = "A read replica (streaming standby) of the database: the analytics dashboards and exports "
                    + "read from it, refreshes stay on the primary (host:port, host:port/db or a JDBC URL; "
                    + "default: $TOWER_REPLICA).")
    String replica;

    @Option(names = "--print-startup-timings",
            description = "Print launch -> sign-in window and sign-in -> first screen times (same as -Dtower.timings=true).")
    boolean printStartupTimings;

    @Option(names = "--smoke-sign-in", paramLabel = "LOGIN",
            description = "Open, sign this demo login in, show the first screen, print the start-up timings and quit "
                    + "(exit 0 only when the first screen showed; what \"tower bench\" measures the app with).")
    String smokeSignIn;

    @Option(names = "--smoke", paramLabel = "LOGIN",
            description = "Smoke test: open, sign this demo login in, open every screen its role may see, one after "
                    + "another, and quit (exit 0 only when each opened without an error; a failure names the screen).")
    String smoke;

    @Override
    public Integer call() {
        DesktopSession.require(); // before the database starts: without a window it would run for nothing
        if (printStartupTimings) {
            System.setProperty(StartupTimings.PROPERTY, "true");
        }
        if (smokeSignIn != null && !smokeSignIn.isBlank()) {
            SmokeSignIn.ask(smokeSignIn);
        }
        if (smoke != null && !smoke.isBlank()) {
            SmokeSignIn.askTour(smoke);
        }
        if (dbUrl != null && !dbUrl.isBlank()) {
            TowerApp.launchUi(new AppConfig(JdbcUrls.normalise(dbUrl), false).withReplica(replica)
                    .withProfiles(dataDir == null ? null : dataDir.resolve("profiles.properties")));
            return SmokeSignIn.exitCode();
        }
        Path home = dataDir != null ? dataDir : TowerHome.resolve();
        AtomicReference<EmbeddedStartup.Ready> started = new AtomicReference<>();
        try {
            TowerApp.launchUi(() -> {
                EmbeddedStartup.Ready ready = EmbeddedStartup.start(home, 0);
                started.set(ready);
                ready.upgraded().ifPresent(Console::say);
                return new AppConfig(ready.database().jdbcUrl(), true).withReplica(replica)
                        .withProfiles(home.resolve("profiles.properties"));
            });
        } finally {
            EmbeddedStartup.Ready ready = started.get();
            if (ready != null) {
                ready.database().close();
            }
        }
        return SmokeSignIn.exitCode();
    }
}
