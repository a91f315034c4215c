package dev.tower.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop keyring (Secret Service over D-Bus) through {@code secret-tool}, when there is one: the
 * password goes to it on stdin, never on a command line or into a file. Without a session bus or the
 * tool, {@link #available} is false and Tower asks for the password each time.
 */
public final class Keyring {
    private static final String ATTRIBUTE = "tower-connection";

    private Keyring() {}

    public static boolean available() {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        return bus != null && !bus.isBlank() && tool().isPresent();
    }

    private static Optional<Path> tool() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "secret-tool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return whether the keyring took it */
    public static boolean store(ConnectionProfile profile, char[] password) {
        if (!available()) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(tool().orElseThrow().toString(), "store", "--label=Tower: " + profile.name(),
                    ATTRIBUTE, profile.secretKey()).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(new String(password).getBytes(StandardCharsets.UTF_8));
            }
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Optional<char[]> lookup(ConnectionProfile profile) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(tool().orElseThrow().toString(), "lookup", ATTRIBUTE, profile.secretKey()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).toCharArray());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
