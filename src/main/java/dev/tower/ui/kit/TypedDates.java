package dev.tower.ui.kit;

import dev.tower.error.ValidationException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Reads a date as people type it: 2026-11-20, 20/11/2026, 20.11.2026 or 20-11-2026 (day first, as the
 * console's users write it). Anything else, 32/13/2026 included, is refused with a message rather than
 * silently dropped.
 */
public final class TypedDates {
    private static final List<DateTimeFormatter> FORMS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"));

    private TypedDates() {}

    /** @return null for blank input (no date) */
    public static LocalDate parse(String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        for (DateTimeFormatter form : FORMS) {
            try {
                return LocalDate.parse(s, form.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        throw new ValidationException("date.unreadable",
                label + ": \"" + s + "\" is not a date. Type it like 2026-11-20 or 20/11/2026.");
    }
}
