package dev.tower.app;

import dev.tower.setup.EmbeddedStartup;
import dev.tower.db.TowerHome;
import dev.tower.demo.BulkLoadSettings;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoReport;
import dev.tower.demo.DemoScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"(Re)generate the demo market in the embedded database.",
                "small loads in seconds; large is 1M+ bookings, 100k providers, 3M+ messages."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scale", required = true, paramLabel = "small|large", description = "How big a market to generate.")
    DemoScale scale;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Database folder (default: ~/.local/share/tower).")
    Path dataDir;

    @Override
    public Integer call() {
        Path home = dataDir != null ? dataDir : TowerHome.resolve();
        Console.say("Generating the " + scale.name().toLowerCase() + " demo market in " + home + " ...");
        EmbeddedStartup.Ready ready = EmbeddedStartup.start(home, 0, false);
        BulkLoadSettings.Previous previous = null;
        if (scale == DemoScale.LARGE && !ready.database().attached() && !BulkLoadSettings.inEffect(ready.superuser())) {
            // one restart into the bulk-load settings; they are put back below, for the next start
            previous = BulkLoadSettings.apply(ready.superuser());
            ready.database().close();
            ready = EmbeddedStartup.start(home, 0, false);
        }
        try {
            DemoReport report = new DemoDataGenerator(ready.superuser()).generate(scale);
            StringBuilder text = new StringBuilder("Done in ")
                    .append(String.format("%.1f", report.took().toMillis() / 1000.0)).append(" s:\n");
            report.rowCounts().forEach((table, rows) ->
                    text.append(String.format("  %-26s %,12d%n", table, rows)));
            Console.say(text.toString().stripTrailing());
        } finally {
            if (previous != null) {
                BulkLoadSettings.restore(ready.superuser(), previous);
            }
            ready.database().close();
        }
        return 0;
    }
}
