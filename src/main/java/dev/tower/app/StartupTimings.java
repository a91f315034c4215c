package dev.tower.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Issue 8, item 6: with {@code tower --print-startup-timings} (or {@code -Dtower.timings=true}) the app
 * prints how long it took from the JVM's launch to the sign-in window, and from a successful sign-in
 * to the first screen, so they can be measured on a warm embedded database without a profiler.
 */
final class StartupTimings {
    static final String PROPERTY = "tower.timings";
    private static volatile long signedInAt;

    private StartupTimings() {}

    static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    static void signInWindowShown() {
        if (on()) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            Console.say(String.format(Locale.ROOT, "timing: launch -> sign-in window: %d ms", ms));
        }
    }

    static void signedIn() {
        signedInAt = System.nanoTime();
    }

    static void firstScreenShown() {
        if (on() && signedInAt != 0) {
            Console.say(String.format(Locale.ROOT, "timing: sign-in -> first screen: %d ms",
                    (System.nanoTime() - signedInAt) / 1_000_000));
            signedInAt = 0;
        }
    }
}
