package dev.tower.bench;

import dev.tower.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Issue 8, item 6: the console's own start-up, measured by the app ({@code tower --smoke-sign-in}) in a
 * fresh JVM per launch, against the bench database that is already running (warm), a few times. Two
 * rows: launch to the sign-in window, and sign-in to the first screen.
 */
public final class AppStartupBench {
    private static final Logger LOG = LoggerFactory.getLogger(AppStartupBench.class);
    public static final String LAUNCH = "app.launch_to_sign_in_window";
    public static final String FIRST_SCREEN = "app.sign_in_to_first_screen";
    /** The same launches without the class-data archive (issue 15, item 2): the baselines. */
    public static final String LAUNCH_NO_ARCHIVE = LAUNCH + ".no_archive";
    public static final String FIRST_SCREEN_NO_ARCHIVE = FIRST_SCREEN + ".no_archive";
    /** Every launch is a whole JVM and a JavaFX start (seconds on 2 cores): a few are enough. */
    static final int MAX_LAUNCHES = 5;
    private static final BenchOperation.Body MEASURED_BY_THE_APP = session -> {
        throw new UnsupportedOperationException("measured by launching the console, not on a session");
    };

    /** Launches the console once, signed in as the demo admin, and reads the timings it prints. */
    public interface Launcher {
        /** Why the console cannot be launched here (no display and no headless toolkit), or empty. */
        Optional<String> unavailable();

        /**
         * One launch against {@code jdbcUrl}, with or without the class-data archive, keeping what the
         * launcher keeps between runs (a dynamic archive) in {@code home}; throws when the console did not
         * reach its first screen.
         */
        Launch launch(String jdbcUrl, Path home, boolean withArchive) throws Exception;

        /** Which archive "with" means here, for the report's note. */
        default String archiveKind() {
            return "the launcher's class-data archive";
        }
    }

    /** What one launch printed, in nanoseconds. */
    public record Launch(long launchToSignInWindowNanos, long signInToFirstScreenNanos) {}

    private AppStartupBench() {}

    static List<BenchResult> measure(Launcher launcher, String jdbcUrl, Bench.Options options,
                                     Consumer<String> note, Consumer<BenchResult> progress) {
        BenchOperation launchOp = BenchOperation.of(LAUNCH, Role.ADMIN, null, BenchTarget.APP_LAUNCH, MEASURED_BY_THE_APP)
                .comparedWith(LAUNCH_NO_ARCHIVE);
        BenchOperation screenOp = BenchOperation.of(FIRST_SCREEN, Role.ADMIN, null, BenchTarget.APP_FIRST_SCREEN,
                MEASURED_BY_THE_APP).comparedWith(FIRST_SCREEN_NO_ARCHIVE);
        BenchOperation bareLaunchOp = BenchOperation.of(LAUNCH_NO_ARCHIVE, Role.ADMIN, null, BenchTarget.BASELINE,
                MEASURED_BY_THE_APP);
        BenchOperation bareScreenOp = BenchOperation.of(FIRST_SCREEN_NO_ARCHIVE, Role.ADMIN, null, BenchTarget.BASELINE,
                MEASURED_BY_THE_APP);
        if (launcher == null || !wanted(options.only())) {
            return List.of();
        }
        Optional<String> unavailable = launcher.unavailable();
        if (unavailable.isPresent()) {
            note.accept("App start-up not measured: " + unavailable.get());
            return List.of();
        }
        int launches = Math.min(options.repeat(), MAX_LAUNCHES);
        long[] toWindow = new long[launches];
        long[] toScreen = new long[launches];
        long[] bareToWindow = new long[launches];
        long[] bareToScreen = new long[launches];
        List<BenchResult> results;
        try {
            launcher.launch(jdbcUrl, options.dataDir(), true); // untimed: writes a dynamic archive, fills the file cache
            for (int i = 0; i < launches; i++) { // paired, so a load that comes and goes hits both alike
                Launch with = launcher.launch(jdbcUrl, options.dataDir(), true);
                toWindow[i] = with.launchToSignInWindowNanos();
                toScreen[i] = with.signInToFirstScreenNanos();
                Launch without = launcher.launch(jdbcUrl, options.dataDir(), false);
                bareToWindow[i] = without.launchToSignInWindowNanos();
                bareToScreen[i] = without.signInToFirstScreenNanos();
            }
            results = List.of(BenchResult.of(launchOp, toWindow), BenchResult.of(bareLaunchOp, bareToWindow),
                    BenchResult.of(screenOp, toScreen), BenchResult.of(bareScreenOp, bareToScreen));
        } catch (Exception e) {
            LOG.warn("Launching the console for its start-up timings failed", e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            results = List.of(BenchResult.failed(launchOp, message), BenchResult.failed(bareLaunchOp, message),
                    BenchResult.failed(screenOp, message), BenchResult.failed(bareScreenOp, message));
        }
        note.accept("App start-up: one warm-up, then " + launches + " pairs of launches of `tower --smoke-sign-in demo_admin` "
                + "in a fresh JVM each, with and without the class-data archive (" + launcher.archiveKind() + "), against the "
                + "running bench database; launch = JVM start to the sign-in window shown; the `.no_archive` rows are the "
                + "baselines of the ratio.");
        results.forEach(progress);
        return results;
    }

    private static boolean wanted(String only) {
        if (only == null || only.isBlank()) {
            return true;
        }
        Pattern pattern = Pattern.compile(only);
        return pattern.matcher(LAUNCH).find() || pattern.matcher(FIRST_SCREEN).find();
    }
}
