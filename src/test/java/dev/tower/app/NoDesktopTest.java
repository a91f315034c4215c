package dev.tower.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 7 item 7: started without a display, Tower says so in one line, and what works without one. */
class NoDesktopTest {
    @Test
    void linuxWithoutDisplayOrWaylandHasNoDesktop() {
        assertThat(DesktopSession.available(Map.of(), "Linux", null)).isFalse();
        assertThat(DesktopSession.available(Map.of("DISPLAY", " "), "Linux", null)).isFalse();
        assertThat(DesktopSession.available(Map.of("DISPLAY", ":0"), "Linux", null)).isTrue();
        assertThat(DesktopSession.available(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isTrue();
        assertThat(DesktopSession.available(Map.of(), "Linux", "Monocle")).isTrue();
        assertThat(DesktopSession.available(Map.of(), "Windows 11", null)).isTrue();
        assertThat(DesktopSession.available(Map.of(), "Mac OS X", null)).isTrue();
        assertThatThrownBy(() -> DesktopSession.require(Map.of(), "Linux", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a desktop session")
                .hasMessageContaining("tower db start");
    }

    @Test
    void aNamedDisplayThatWillNotOpenSaysWhenGtkIsTheMissingPiece() {
        assertThat(DesktopSession.toolkitFailure("Linux", library -> false)).isEqualTo(DesktopSession.GTK_MISSING)
                .contains("apt-get install libgtk-3-0").contains("tower db start");
        assertThat(DesktopSession.toolkitFailure("Linux", "libgtk-3.so.0"::equals))
                .isEqualTo(DesktopSession.UNREACHABLE);
        assertThat(DesktopSession.toolkitFailure("Windows 11", library -> false))
                .isEqualTo(DesktopSession.UNREACHABLE);
    }

    @Test
    void theCommandLinePrintsOneLineAndFailsWithoutAStackTrace() {
        assumeTrue(isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && System.getProperty("os.name", "").startsWith("Linux"), "needs a Linux session without a display");
        String glass = System.getProperty("glass.platform");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.clearProperty("glass.platform"); // the real, non-headless toolkit a user would get
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("--db-url", "jdbc:postgresql://localhost:1/never-reached");
        } finally {
            System.setErr(err);
            if (glass != null) {
                System.setProperty("glass.platform", glass);
            }
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed.lines()).containsExactly("tower: " + DesktopSession.NEEDED);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
