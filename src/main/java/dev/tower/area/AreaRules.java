package dev.tower.area;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The area rules the database enforces, checked per field while the admin types so the editor can say
 * what is wrong beside the field. The database's check is the one that counts.
 */
public final class AreaRules {
    public static final int MAX_RADIUS_MILES = 100;
    public static final int MAX_NAME_LENGTH = 80;

    private AreaRules() {}

    /** @param others the areas that exist, to catch a taken name; {@code editing} (may be null) is left out */
    public static Optional<String> nameProblem(String name, Collection<ServiceArea> others, UUID editing) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("An area needs a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            return Optional.of("An area name can be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        return others.stream()
                .filter(a -> !a.id().equals(editing))
                .filter(a -> a.name().strip().toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(a -> "There is already an area called \"" + a.name() + "\".");
    }

    public static Optional<String> latitudeProblem(String text) {
        return degreesProblem(text, 90, "latitude", "42.3314");
    }

    public static Optional<String> longitudeProblem(String text) {
        return degreesProblem(text, 180, "longitude", "-83.0458");
    }

    public static Optional<String> radiusProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the radius in whole miles.");
        }
        try {
            int miles = Integer.parseInt(t);
            return miles < 1 || miles > MAX_RADIUS_MILES
                    ? Optional.of("The radius must be from 1 to " + MAX_RADIUS_MILES + " miles.")
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("\"" + t + "\" is not a whole number of miles.");
        }
    }

    /** The draft of fields that passed their checks. */
    public static AreaDraft draft(String name, String lat, String lng, String radius) {
        return new AreaDraft(name.strip(), new BigDecimal(lat.strip()), new BigDecimal(lng.strip()),
                Integer.parseInt(radius.strip()));
    }

    private static Optional<String> degreesProblem(String text, int limit, String what, String example) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.of("Enter the centre's " + what + " in degrees.");
        }
        try {
            BigDecimal value = new BigDecimal(t);
            return value.abs().compareTo(BigDecimal.valueOf(limit)) > 0
                    ? Optional.of("The " + what + " must be between -" + limit + " and " + limit + " degrees.")
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("\"" + t + "\" is not a " + what + " in degrees, such as " + example + ".");
        }
    }
}
