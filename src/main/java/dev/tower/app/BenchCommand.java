package dev.tower.app;

import dev.tower.bench.Bench;
import dev.tower.db.TowerHome;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoLogins;
import dev.tower.demo.DemoScale;
import dev.tower.security.Role;
import dev.tower.signin.SignInRequest;
import dev.tower.signin.SignInService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure every registered operation on a demo market, as the role that would do it.",
                "Writes bench.md and bench.csv; exits 1 naming each operation that missed its target.",
                "Also launches the console itself (headless when there is no display) to time its start-up."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "small", paramLabel = "small|large",
            description = "Demo market to measure on (built on first use, then reused; default: small).")
    DemoScale scale;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Bench database folder (default: tower-bench-<scale> beside Tower's own folder).")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where bench.md and bench.csv go (default: here).")
    Path out;

    @Option(names = "--only", paramLabel = "PATTERN",
            description = "Only operations whose name matches this regex, found anywhere in it (and their baselines), "
                    + "e.g. --only 'audit|app\\.'.")
    String only;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "30",
            description = "Timed executions per operation, after 8 warm-up runs (default: 30; at most 3 for one slower "
                    + "than 1 s, at most 5 launches for the app's start-up rows).")
    int repeat;

    @Override
    public Integer call() {
        Path home = dataDir != null ? dataDir
                : TowerHome.resolve().resolveSibling("tower-bench-" + scale.name().toLowerCase());
        return Bench.run(new Bench.Options(scale, home, out, only, repeat), wiring(), Console::say);
    }

    /** Sign-in as each role's demo login and the demo generator, for the bench. */
    public static Bench.Wiring wiring() {
        return new Bench.Wiring(
                (jdbcUrl, role) -> new SignInService().signIn(
                        new SignInRequest(jdbcUrl, demoLoginOf(role), DemoLogins.PASSWORD.toCharArray(), true)),
                (superuser, demoScale) -> new DemoDataGenerator(superuser).generate(demoScale),
                new ConsoleLauncher());
    }

    static String demoLoginOf(Role role) {
        return DemoLogins.ALL.stream().filter(d -> d.group().equals(role.groupRole())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo login for " + role)).login();
    }
}
