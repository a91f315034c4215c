package dev.tower.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The reserved login names, read from {@code reserved_logins.txt}: the same list the database's
 * {@code tower_staff.reserved_logins} holds (a test compares them), so the two checks never drift.
 */
public final class ReservedLogins {
    /** Each entry is an exact name, or a prefix when it ends with {@code *}. */
    public static final List<String> ENTRIES = load();

    private ReservedLogins() {}

    public static boolean isReserved(String login) {
        return ENTRIES.stream().anyMatch(e -> e.endsWith("*")
                ? login.startsWith(e.substring(0, e.length() - 1))
                : login.equals(e));
    }

    private static List<String> load() {
        try (InputStream in = ReservedLogins.class.getResourceAsStream("reserved_logins.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/tower/staff/reserved_logins.txt");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
