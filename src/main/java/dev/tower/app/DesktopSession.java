package dev.tower.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

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

    static final String GTK_MISSING = "Tower's window needs GTK 3 on Linux, and libgtk-3.so.0 was not found among"
            + " this system's libraries (on Debian or Ubuntu: apt-get install libgtk-3-0; the .deb package pulls it in)."
            + WITHOUT_IT;

    /** Where Linux distributions put shared libraries, before LD_LIBRARY_PATH's own entries. */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib");

    private DesktopSession() {}

    /**
     * Why the JavaFX toolkit would not start although a display is named. GTK says "Unable to open
     * DISPLAY" both when the display does not answer and when GTK 3 itself is absent (a fresh server
     * with Xvfb but no desktop libraries); only the second has a fix the user can type.
     */
    static String toolkitFailure() {
        return toolkitFailure(System.getProperty("os.name", ""), DesktopSession::sharedLibraryInstalled);
    }

    static String toolkitFailure(String osName, Predicate<String> libraryInstalled) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        return linux && !libraryInstalled.test("libgtk-3.so.0") ? GTK_MISSING : UNREACHABLE;
    }

    private static boolean sharedLibraryInstalled(String fileName) {
        List<String> dirs = new ArrayList<>(LIBRARY_DIRS);
        String extra = System.getenv("LD_LIBRARY_PATH");
        if (extra != null) {
            dirs.addAll(List.of(extra.split(":")));
        }
        return dirs.stream().filter(dir -> !dir.isBlank()).anyMatch(dir -> Files.exists(Path.of(dir, fileName)));
    }

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
