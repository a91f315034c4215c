package dev.tower.app;

import java.util.Locale;
import java.util.Map;

/**
 * Whether Tower's window can open here. Started over SSH or in a container with no display, JavaFX
 * fails deep in its toolkit with a stack trace; Tower says in one line what is missing instead, and
 * what works without a display.
 */
final class DesktopSession {
    static final String WITHOUT_IT = " \"tower db start\" runs the database without one.";
    static final String NEEDED = "Tower's window needs a desktop session, and this one has no display"
            + " (neither DISPLAY nor WAYLAND_DISPLAY is set)." + WITHOUT_IT;
    static final String UNREACHABLE = "Tower's window needs a desktop session, and the display this one names"
            + " could not be opened." + WITHOUT_IT;

    private DesktopSession() {}

    /** Refuses to go on without a display; the command line prints the message as one line. */
    static void require() {
        require(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    static void require(Map<String, String> environment, String osName, String glassPlatform) {
        if (!available(environment, osName, glassPlatform)) {
            throw new NoDesktopException(NEEDED);
        }
    }

    /**
     * On Linux and the BSDs the window needs an X11 or Wayland display; Monocle (headless JavaFX) needs
     * none; Windows and macOS always have one when a user runs Tower.
     */
    static boolean available(Map<String, String> environment, String osName, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return present(environment.get("DISPLAY")) || present(environment.get("WAYLAND_DISPLAY"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** No display: an expected situation with a plain answer, never a stack trace. */
    static final class NoDesktopException extends IllegalStateException {
        NoDesktopException(String message) {
            super(message);
        }
    }
}
