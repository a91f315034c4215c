package dev.tower.app;

import dev.tower.bench.AppStartupBench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Launches {@code tower --db-url URL --smoke-sign-in demo_admin} in a child JVM (this JVM's own
 * {@code java}, class path and the launcher's flags, its class-data archive included) for {@code tower bench}, headless on Monocle when
 * there is no display, and reads the two timings the app prints ({@link StartupTimings}).
 */
final class ConsoleLauncher implements AppStartupBench.Launcher {
    static final String LOGIN = "demo_admin";
    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";
    /** The flags the UI tests run with (pom.xml, surefire): software rendering, no display needed. */
    private static final List<String> HEADLESS = List.of("-Dtestfx.robot=glass", "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");
    /** As the launcher script starts the console (src/main/launcher/tower.sh with pom.xml's tower.jvm.flags). */
    private static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-Xss2m");
    private static final long TIMEOUT_SECONDS = 120;
    /** The launcher's class-data archive, kept in the bench's own folder (the first launch writes it). */
    static final String ARCHIVE = "console.jsa";
    static final Pattern TO_WINDOW = Pattern.compile("timing: launch -> sign-in window: (\\d+) ms");
    static final Pattern TO_SCREEN = Pattern.compile("timing: sign-in -> first screen: (\\d+) ms");

    @Override
    public Optional<String> unavailable() {
        if (hasDisplay() || monocleOnClassPath()) {
            return Optional.empty();
        }
        return Optional.of("there is no display and the headless toolkit (Monocle) is not on the class path.");
    }

    @Override
    public AppStartupBench.Launch launch(String jdbcUrl, Path home) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(jdbcUrl, home)).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the console did not reach its first screen within " + TIMEOUT_SECONDS + " s");
        }
        String printed = output.join();
        if (child.exitValue() != 0) {
            throw new IllegalStateException("the console exited " + child.exitValue() + ": " + lastLine(printed));
        }
        return new AppStartupBench.Launch(millis(TO_WINDOW, printed), millis(TO_SCREEN, printed));
    }

    List<String> command(String jdbcUrl, Path home) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM")));
        command.addAll(JVM_FLAGS);
        if (runsFromJar()) {
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + home.resolve(ARCHIVE),
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        if (!hasDisplay()) {
            command.addAll(HEADLESS);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db-url", jdbcUrl, "--smoke-sign-in", LOGIN));
        return command;
    }

    /**
     * True when Tower's classes come from tower.jar, as the launcher runs them; the JVM refuses a
     * class-data archive over a class folder (target/classes in tests and IDEs), so there is none then.
     */
    private static boolean runsFromJar() {
        try {
            return Files.isRegularFile(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** A display this JVM could use, or this JVM itself already on Monocle (as the tests are). */
    private static boolean hasDisplay() {
        return !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && DesktopSession.available(System.getenv(), System.getProperty("os.name", ""), null);
    }

    private static boolean monocleOnClassPath() {
        try {
            Class.forName(MONOCLE, false, ConsoleLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long millis(Pattern timing, String printed) {
        Matcher m = timing.matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("the console did not print \"" + timing.pattern() + "\": " + lastLine(printed));
        }
        return TimeUnit.MILLISECONDS.toNanos(Long.parseLong(m.group(1)));
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static String lastLine(String printed) {
        List<String> lines = printed.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.getLast();
    }
}
