package dev.tower.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tower bench --help} documents every option the issue names, and {@code tower --help} the smoke mode. */
class BenchCommandHelpTest {

    @Test
    void benchHelpNamesEveryOption() {
        assertThat(help("bench", "--help"))
                .contains("--scale", "--data-dir", "--out", "--only=PATTERN", "--repeat=N", "start-up");
    }

    @Test
    void towerHelpNamesTheSmokeSignIn() {
        assertThat(help("--help")).contains("--smoke-sign-in=LOGIN", "--print-startup-timings");
    }

    private static String help(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
