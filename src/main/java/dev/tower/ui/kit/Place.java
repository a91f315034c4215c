package dev.tower.ui.kit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the user is: a section of the shell (by its id, e.g. "staff", "bookings") and optionally one
 * record in it ("booking 123"). A dispute links to its booking as {@code Place.of("bookings", "123")}.
 */
public record Place(String section, String recordId) {
    public Place {
        Objects.requireNonNull(section, "section");
        if (section.isBlank()) {
            throw new IllegalArgumentException("section is blank");
        }
    }

    public static Place section(String section) {
        return new Place(section, null);
    }

    public static Place of(String section, Object recordId) {
        return new Place(section, recordId == null ? null : recordId.toString());
    }

    public Optional<String> record() { return Optional.ofNullable(recordId); }

    /** Marks a record id that is a query ("bookings filtered to ...") rather than one record's id. */
    public static final String QUERY_PREFIX = "?";

    /**
     * A section shown filtered, e.g. the bookings browser narrowed to one day and category (a dashboard's
     * click-through). Parameters keep their order; blank values are left out.
     */
    public static Place query(String section, Map<String, String> parameters) {
        StringBuilder id = new StringBuilder(QUERY_PREFIX);
        parameters.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                if (id.length() > 1) {
                    id.append('&');
                }
                id.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return new Place(section, id.toString());
    }

    /** The parameters of a {@link #query} place; empty when this place is one record (or none). */
    public Optional<Map<String, String>> queryParameters() {
        if (recordId == null || !recordId.startsWith(QUERY_PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : recordId.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(out);
    }

    @Override
    public String toString() {
        return recordId == null ? section : section + "/" + recordId;
    }
}
