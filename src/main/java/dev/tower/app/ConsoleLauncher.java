package dev.tower.app;

import dev.tower.bench.AppStartupBench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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
 * {@code java}, class path and the launcher's flags) for {@code tower bench}, with or without its class-data
 * archive (the app image's AOT cache, or the launcher script's dynamic AppCDS archive), headless on Monocle when
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
    /** Set by the app image's launcher (installer/common.args) to the AOT cache made at package time. */
    static final String AOT_CACHE_PROPERTY = "tower.aotCache";
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
    public AppStartupBench.Launch launch(String jdbcUrl, Path home, boolean withArchive)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(jdbcUrl, home, withArchive)).redirectErrorStream(true).start();
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

    @Override
    public String archiveKind() {
        return packagedAotCache().map(cache -> "the app image's AOT cache " + cache + " (made at package time)")
                .orElse(runsFromJar() ? "the launcher's dynamic AppCDS archive (" + ARCHIVE + " in the bench folder)"
                        : "none: run from a class folder, where the JVM refuses an archive");
    }

    /**
     * The console as this JVM was started, with or without its class-data archive: from an installed app
     * image, the launcher's own options (the AOT cache is only used when they match) with or without its
     * {@code -XX:AOTCache}; from tower.jar, the launcher script's flags with or without its dynamic archive.
     */
    List<String> command(String jdbcUrl, Path home, boolean withArchive) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString()); // not bin/tower in an image
        Optional<Path> aotCache = packagedAotCache();
        if (aotCache.isPresent()) {
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!option.startsWith("-XX:AOTCache=") && !option.startsWith("-Djava.class.path=")) {
                    command.add(option);
                }
            }
            if (withArchive) {
                command.add("-XX:AOTCache=" + aotCache.get());
            }
        } else {
            command.addAll(JVM_FLAGS);
            if (withArchive && runsFromJar()) {
                command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + home.resolve(ARCHIVE),
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
        }
        if (!hasDisplay()) {
            command.addAll(HEADLESS);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db-url", jdbcUrl, "--smoke-sign-in", LOGIN));
        return command;
    }

    /** The AOT cache of the installed app image this JVM runs from (its launcher names it), if any. */
    static Optional<Path> packagedAotCache() {
        String cache = System.getProperty(AOT_CACHE_PROPERTY);
        return cache == null || cache.isBlank() || !Files.isRegularFile(Path.of(cache)) ? Optional.empty()
                : Optional.of(Path.of(cache));
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
