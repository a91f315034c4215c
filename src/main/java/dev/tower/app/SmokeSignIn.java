package dev.tower.app;

import dev.tower.demo.DemoLogins;
import dev.tower.signin.SignInViewModel;
import javafx.application.Platform;

/**
 * {@code tower --smoke-sign-in demo_admin}: opens the console, signs the demo login in through the
 * sign-in screen's own ViewModel (as if typed), waits for the first screen, prints the start-up timings
 * and quits, answering 0 only when the first screen was reached. It is how {@code tower bench} measures
 * the app's own start-up (issue 8, item 6) in a child JVM, with or without a display.
 */
final class SmokeSignIn {
    static final String PROPERTY = "tower.smokeSignIn";
    /** {@code tower --smoke LOGIN}: after the first screen, open every screen the role may see (issue 15). */
    static final String TOUR_PROPERTY = "tower.smokeScreens";
    private static volatile boolean reachedFirstScreen;
    private static volatile boolean tourFailed;

    private SmokeSignIn() {}

    static void ask(String login) {
        System.setProperty(PROPERTY, login);
        System.setProperty(StartupTimings.PROPERTY, "true");
    }

    /** Like {@link #ask}, then tours every screen of the role before quitting ({@link ScreenTour}). */
    static void askTour(String login) {
        ask(login);
        System.setProperty(TOUR_PROPERTY, "true");
    }

    static boolean tourAsked() {
        return asked() && Boolean.getBoolean(TOUR_PROPERTY);
    }

    static boolean asked() {
        String login = System.getProperty(PROPERTY);
        return login != null && !login.isBlank();
    }

    /** Called once the sign-in window shows: fills in the demo login and signs in. No-op unless asked. */
    static void begin(SignInViewModel signIn) {
        if (!asked()) {
            return;
        }
        signIn.errorProperty().addListener((property, old, error) -> {
            if (error != null) {
                Console.complain("smoke sign-in failed: " + error.text());
                Platform.exit();
            }
        });
        signIn.loginProperty().set(System.getProperty(PROPERTY));
        signIn.passwordProperty().set(DemoLogins.PASSWORD);
        signIn.signIn();
    }

    /** Called once the first screen has been laid out: the smoke run is done. */
    static void firstScreenShown() {
        if (asked()) {
            reachedFirstScreen = true;
            if (!tourAsked()) {
                Platform.exit();
            }
        }
    }

    /** Prints one toured screen's outcome as it is done. */
    static void visited(ScreenTour.Visit visit) {
        if (visit.ok()) {
            Console.say(visit.line());
        } else {
            Console.complain(visit.line());
        }
    }

    /** The tour is over: says how it went and quits, answering 1 when any screen failed. */
    static void toured(java.util.List<ScreenTour.Visit> visits) {
        long failed = visits.stream().filter(v -> !v.ok()).count();
        tourFailed = failed > 0 || visits.isEmpty();
        Console.say(visits.isEmpty() ? "smoke: FAILED: this login's role may open no screen at all"
                : "smoke: " + visits.size() + " screen(s) opened as " + System.getProperty(PROPERTY) + ", "
                        + (failed == 0 ? "all ok" : failed + " failed: " + visits.stream().filter(v -> !v.ok())
                                .map(v -> v.section().title()).collect(java.util.stream.Collectors.joining(", "))));
        Platform.exit();
    }

    /**
     * 0 when not asked or when the first screen was reached (and, with the tour, every screen opened
     * cleanly); 1 when the smoke run stopped short or a screen failed.
     */
    static int exitCode() {
        return !asked() || (reachedFirstScreen && !tourFailed) ? 0 : 1;
    }
}
