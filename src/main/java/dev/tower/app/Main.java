package dev.tower.app;

import dev.tower.db.DatabaseSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/** Entry point of the launcher: {@code tower} opens the console, subcommands serve scripts and tools. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new TowerCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof DatabaseSetupException || e instanceof IllegalArgumentException
                            || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
                        Console.complain(e.getMessage());
                        LOG.debug("Command failed", e);
                    } else {
                        Console.complain("unexpected error: " + e + " (details in the log)");
                        LOG.error("Command failed", e);
                    }
                    return 1;
                });
        return cli.execute(args);
    }
}
