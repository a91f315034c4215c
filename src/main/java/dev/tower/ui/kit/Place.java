package dev.tower.ui.kit;

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

    @Override
    public String toString() {
        return recordId == null ? section : section + "/" + recordId;
    }
}
