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
    private static volatile boolean reachedFirstScreen;

    private SmokeSignIn() {}

    static void ask(String login) {
        System.setProperty(PROPERTY, login);
        System.setProperty(StartupTimings.PROPERTY, "true");
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
            Platform.exit();
        }
    }

    /** 0 when not asked or when the first screen was reached, 1 when the smoke sign-in stopped short. */
    static int exitCode() {
        return !asked() || reachedFirstScreen ? 0 : 1;
    }
}
