package dev.tower.app;

import dev.tower.db.TowerHome;
import dev.tower.refund.SettlementSimulator;
import dev.tower.setup.EmbeddedStartup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "settle", mixinStandardHelpOptions = true,
        description = {"Run the demo payment service once on the embedded database: complete the refunds",
                "waiting in the outbox (a few fail with a reason; a retried one then succeeds)."})
final class SettleCommand implements Callable<Integer> {
    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "At most this many refunds (default 1000).")
    int limit;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Database folder (default: ~/.local/share/tower).")
    Path dataDir;

    @Override
    public Integer call() {
        Path home = dataDir != null ? dataDir : TowerHome.resolve();
        EmbeddedStartup.Ready ready = EmbeddedStartup.start(home, 0, false);
        try {
            SettlementSimulator.Result r = new SettlementSimulator(ready.superuser()).settle(Math.max(1, Math.min(limit, 1000)));
            Console.say("Settled " + (r.succeeded() + r.failed()) + " refunds: " + r.succeeded() + " succeeded, "
                    + r.failed() + " failed (retry them from the Disputes screen).");
        } finally {
            ready.database().close();
        }
        return 0;
    }
}
