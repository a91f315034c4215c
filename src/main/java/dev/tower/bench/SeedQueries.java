package dev.tower.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The seeds' example queries, kept verbatim in {@code src/main/resources/seed-queries} (SOURCES.md there
 * names the document and section of each). Only the positional {@code $n} placeholders become named
 * {@code :pn} ones for Jdbi, and the closing semicolon goes; bound as untyped values, so the server
 * infers each parameter's type exactly as it does for the seed's own text.
 */
final class SeedQueries {
    private static final Pattern POSITIONAL = Pattern.compile("\\$(\\d+)");

    private SeedQueries() {}

    static String verbatim(String file) {
        try (InputStream in = SeedQueries.class.getResourceAsStream("/seed-queries/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Seed query " + file + " is missing from the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String forJdbi(String file) {
        String text = verbatim(file).strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return POSITIONAL.matcher(text).replaceAll(":p$1");
    }
}
