import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds Tower's self-contained app image and installer (issue 15) from what {@code mvn package} left in
 * the build folder (tower.jar, lib/). Run by {@code mvn -Pinstaller package} with JDK 25 (Maven's toolchain);
 * by hand: {@code java installer/Package.java --build target --version 0.2.0 [--type deb|msi|dmg|app-image] [--aot false]}.
 *
 * <ol>
 * <li>jlink: a runtime trimmed to the JDK modules Tower needs, with JavaFX's modules linked in from its jars
 *     (named system modules, as from jmods: no "unsupported configuration" warning) and their native
 *     libraries copied to the runtime's lib/, where JavaFX looks first; and the runtime's own CDS archive.</li>
 * <li>jpackage: the app image (launcher, that runtime, tower.jar and the other libraries on the class path).</li>
 * <li>An ahead-of-time cache (JDK 25, JEP 483/514): one training run of the packaged app, on its own runtime
 *     and with its launcher's exact options, that signs the demo admin in on a fresh embedded database and
 *     opens every screen ({@code --smoke demo_admin}); the JVM writes {@code $APPDIR/tower.aot} as it exits.
 *     It needs a display (on Linux: run under {@code xvfb-run}); it is also the first smoke test of the image.</li>
 * <li>jpackage again for the installer of this platform (.deb, .msi, .dmg) from that image.</li>
 * </ol>
 */
public class Package {
    /**
     * The JDK modules of Tower's libraries (jdeps --print-module-deps) and of JavaFX's module descriptors, and
     * jdk.security.auth, which zonky looks up by reflection to tell root (whose PostgreSQL it runs under
     * {@code unshare -U}); without it initdb fails for root.
     */
    static final String MODULES = String.join(",", "java.base", "java.datatransfer", "java.desktop", "java.logging",
            "java.management", "java.naming", "java.security.jgss", "java.sql", "java.xml",
            "jdk.charsets", "jdk.jfr", "jdk.localedata", "jdk.security.auth", "jdk.unsupported",
            "jdk.unsupported.desktop", "jdk.zipfs");
    static final String JAVAFX_MODULES = "javafx.controls,javafx.swing";
    static final long TRAINING_MINUTES = 10;

    public static void main(String[] args) throws Exception {
        Path build = Path.of(option(args, "--build", "target")).toAbsolutePath();
        String version = option(args, "--version", "0.2.0").replace("-SNAPSHOT", "");
        String type = option(args, "--type", nativeType());
        boolean aot = !List.of(args).contains("--no-aot") && !option(args, "--aot", "true").equals("false");
        new Package(build, version, type, aot).run();
    }

    private final Path build;
    private final Path work;
    private final String version;
    private final String type;
    private final boolean aot;
    private final Platform platform = Platform.current();

    Package(Path build, String version, String type, boolean aot) {
        this.build = build;
        this.work = build.resolve("installer");
        this.version = version;
        this.type = type;
        this.aot = aot;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        clean(work);
        Path input = Files.createDirectories(work.resolve("input"));
        Path javafx = Files.createDirectories(work.resolve("javafx"));
        Files.copy(build.resolve("tower.jar"), input.resolve("tower.jar"));
        try (Stream<Path> libs = Files.list(build.resolve("lib"))) {
            for (Path jar : libs.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-")) {
                    if (name.endsWith("-" + platform.javafxClassifier + ".jar")) {
                        Files.copy(jar, javafx.resolve(name)); // jlink's module path
                    } // the classifier-less javafx jars are empty: dropped
                } else if (!name.startsWith("openjfx-monocle")) { // headless JavaFX is for the tests only
                    Files.copy(jar, input.resolve(name));
                }
            }
        }
        Path runtime = work.resolve("runtime");
        tool("jlink", "--module-path", javafx.toString(), "--add-modules", MODULES + "," + JAVAFX_MODULES, "--strip-debug", "--no-man-pages", "--no-header-files",
                "--compress", "zip-6", "--generate-cds-archive", "--output", runtime.toString());
        copyNativeLibraries(javafx, platform.nativeLibraries(runtime));

        Path images = work.resolve("image");
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--input", input.toString(),
                "--runtime-image", runtime.toString(), "--app-version", version, "--dest", images.toString()));
        image.addAll(argsFile(Path.of("installer/common.args")));
        image.addAll(platformArgs(false));
        tool("jpackage", image.toArray(String[]::new));
        Path appImage = onlyChild(images);
        Path appDir = platform.appDir(appImage);
        if (aot) {
            train(appImage, appDir);
        }
        if (!type.equals("app-image")) {
            List<String> installer = new ArrayList<>(List.of("--type", type, "--app-image", appImage.toString(),
                    "--app-version", version, "--dest", work.toString()));
            installer.addAll(platformArgs(true));
            tool("jpackage", installer.toArray(String[]::new));
        }
        say("installer: built " + appImage + (type.equals("app-image") ? "" : " and the ." + type + " in " + work)
                + " in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
    }

    /**
     * One run of the packaged app as its launcher would start it (same runtime, class path order and options)
     * with {@code -XX:AOTCacheOutput}: the cache is only used when those match at run time.
     */
    private void train(Path appImage, Path appDir) throws Exception {
        LauncherConfig config = LauncherConfig.read(platform.launcherConfig(appDir), appDir);
        Path cache = appDir.resolve("tower.aot");
        List<String> command = new ArrayList<>();
        command.add(platform.java(appImage).toString());
        for (String option : config.javaOptions()) {
            if (!option.startsWith("-XX:AOTCache=")) {
                command.add(option);
            }
        }
        Path home = work.resolve("training-home");
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error", "-cp", String.join(java.io.File.pathSeparator,
                config.classPath()), config.mainClass(), "--data-dir", home.toString(),
                "--smoke", "demo_admin"));
        say("installer: training run for the AOT cache: " + String.join(" ", command));
        Process training = new ProcessBuilder(command).inheritIO().start();
        if (!training.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            training.destroyForcibly();
            throw new IllegalStateException("the training run did not finish within " + TRAINING_MINUTES + " minutes");
        }
        if (training.exitValue() != 0 || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run (tower --smoke demo_admin in the app image) exited "
                    + training.exitValue() + (Files.isRegularFile(cache) ? "" : " and wrote no AOT cache")
                    + "; on Linux without a desktop run the build under xvfb-run");
        }
        clean(home); // the training database: PostgreSQL's binaries and a small demo market
        say("installer: AOT cache " + cache + " (" + Files.size(cache) / (1024 * 1024) + " MiB)");
    }

    private List<String> platformArgs(boolean installerStep) throws IOException {
        List<String> args = argsFile(Path.of("installer", platform.folder, platform.argsFile));
        if (!installerStep) { // the app image takes only the options that shape the image itself
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--name") || a.equals("--icon") || a.startsWith("--mac-package-identifier")
                        || a.equals("--mac-package-name")) {
                    kept.add(a);
                    kept.add(args.get(++i));
                }
            }
            return kept;
        }
        return args;
    }

    /** Reads a jpackage options file: one option or value per token, "quoted" values, # comments. */
    static List<String> argsFile(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            StringBuilder token = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (char c : trimmed.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (Character.isWhitespace(c) && !quoted) {
                    if (any) {
                        tokens.add(token.toString());
                    }
                    token.setLength(0);
                    any = false;
                } else {
                    token.append(c);
                    any = true;
                }
            }
            if (any) {
                tokens.add(token.toString());
            }
        }
        return tokens;
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is missing: run this with a full JDK 25"));
        say("installer: " + name + " " + String.join(" ", args));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = tool.run(out, err, args);
        if (code != 0) {
            throw new IllegalStateException(name + " failed (exit " + code + ")");
        }
    }

    private static Path onlyChild(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findFirst().orElseThrow(() -> new IllegalStateException("jpackage made nothing in " + dir));
        }
    }

    /** JavaFX's .so/.dll/.dylib files sit at the root of its jars; a linked runtime keeps them in lib/ (bin/ on Windows). */
    private static void copyNativeLibraries(Path javafxJars, Path libDir) throws IOException {
        try (Stream<Path> jars = Files.list(javafxJars)) {
            for (Path jar : jars.toList()) {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                    for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        String name = entry.getName();
                        if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                            try (var in = zip.getInputStream(entry)) {
                                Files.copy(in, libDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name) && !args[i + 1].isBlank()) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String nativeType() {
        return Platform.current().nativeType;
    }

    private static void say(String text) {
        System.out.println(text);
    }

    /** Where jpackage puts things on each system, and which JavaFX jars belong there. */
    enum Platform {
        LINUX("linux", "deb.args", "deb", "linux"),
        WINDOWS("windows", "msi.args", "msi", "win"),
        MAC("macos", "dmg.args", "dmg", System.getProperty("os.arch").contains("aarch64") ? "mac-aarch64" : "mac");

        final String folder;
        final String argsFile;
        final String nativeType;
        final String javafxClassifier;

        Platform(String folder, String argsFile, String nativeType, String javafxClassifier) {
            this.folder = folder;
            this.argsFile = argsFile;
            this.nativeType = nativeType;
            this.javafxClassifier = javafxClassifier;
        }

        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return os.startsWith("windows") ? WINDOWS : os.startsWith("mac") ? MAC : LINUX;
        }

        Path appDir(Path image) {
            return switch (this) {
                case LINUX -> image.resolve("lib/app");
                case WINDOWS -> image.resolve("app");
                case MAC -> image.resolve("Contents/app");
            };
        }

        Path java(Path image) {
            return switch (this) {
                case LINUX -> image.resolve("lib/runtime/bin/java");
                case WINDOWS -> image.resolve("runtime/bin/java.exe");
                case MAC -> image.resolve("Contents/runtime/Contents/Home/bin/java");
            };
        }

        Path nativeLibraries(Path runtime) {
            return runtime.resolve(this == WINDOWS ? "bin" : "lib");
        }

        Path launcherConfig(Path appDir) throws IOException {
            try (Stream<Path> files = Files.list(appDir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".cfg")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no launcher .cfg in " + appDir));
            }
        }
    }

    /** The launcher's .cfg: main class, class path and java options, with $APPDIR expanded. */
    record LauncherConfig(String mainClass, List<String> classPath, List<String> javaOptions) {
        static LauncherConfig read(Path cfg, Path appDir) throws IOException {
            String main = null;
            List<String> classPath = new ArrayList<>();
            List<String> options = new ArrayList<>();
            String dir = appDir.toAbsolutePath().toString();
            for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1).replace("$APPDIR", dir);
                switch (key) {
                    case "app.mainclass" -> main = value;
                    case "app.classpath" -> classPath.add(value);
                    case "java-options" -> options.add(value);
                    default -> { }
                }
            }
            if (main == null || classPath.isEmpty()) {
                throw new IllegalStateException(cfg + " names no main class or class path");
            }
            return new LauncherConfig(main, classPath, options);
        }
    }
}
