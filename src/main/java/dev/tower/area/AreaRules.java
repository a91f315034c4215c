package dev.tower.area;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The area rules the database enforces, checked while the admin types so the editor can say what is
 * wrong beside the field. The database's check is the one that counts.
 */
public final class AreaRules {
    public static final int MAX_RADIUS_MILES = 100;
    public static final int MAX_NAME_LENGTH = 80;

    public enum Field { NAME, LATITUDE, LONGITUDE, RADIUS }

    /** Either a draft or, per field, what is wrong with it. */
    public record Checked(AreaDraft draft, Map<Field, String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private AreaRules() {}

    /** @param others the areas that exist, to catch a taken name; {@code editing} is left out */
    public static Checked check(String name, String lat, String lng, String radius,
                                Collection<ServiceArea> others, UUID editing) {
        Map<Field, String> problems = new LinkedHashMap<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            problems.put(Field.NAME, "An area needs a name.");
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            problems.put(Field.NAME, "An area name can be at most " + MAX_NAME_LENGTH + " characters long.");
        } else {
            others.stream()
                    .filter(a -> !a.id().equals(editing))
                    .filter(a -> a.name().strip().toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .ifPresent(a -> problems.put(Field.NAME, "There is already an area called \"" + a.name() + "\"."));
        }
        BigDecimal latitude = degrees(lat, 90, "latitude", Field.LATITUDE, problems);
        BigDecimal longitude = degrees(lng, 180, "longitude", Field.LONGITUDE, problems);
        Integer miles = radius(radius, problems);
        return problems.isEmpty()
                ? new Checked(new AreaDraft(trimmed, latitude, longitude, miles), Map.of())
                : new Checked(null, Map.copyOf(problems));
    }

    private static BigDecimal degrees(String text, int limit, String what, Field field, Map<Field, String> problems) {
        String t = text == null ? "" : text.strip();
        try {
            BigDecimal value = new BigDecimal(t);
            if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
                problems.put(field, "The " + what + " must be between -" + limit + " and " + limit + " degrees.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, t.isEmpty() ? "Enter the centre's " + what + " in degrees."
                    : "\"" + t + "\" is not a " + what + " in degrees, such as " + (limit == 90 ? "42.3314" : "-83.0458") + ".");
            return null;
        }
    }

    private static Integer radius(String text, Map<Field, String> problems) {
        String t = text == null ? "" : text.strip();
        try {
            int miles = Integer.parseInt(t);
            if (miles < 1 || miles > MAX_RADIUS_MILES) {
                problems.put(Field.RADIUS, "The radius must be from 1 to " + MAX_RADIUS_MILES + " miles.");
                return null;
            }
            return miles;
        } catch (NumberFormatException e) {
            problems.put(Field.RADIUS, t.isEmpty() ? "Enter the radius in whole miles."
                    : "\"" + t + "\" is not a whole number of miles.");
            return null;
        }
    }
}
