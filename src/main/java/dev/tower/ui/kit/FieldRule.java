package dev.tower.ui.kit;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One check of a typed value, with the message people read when it fails: the field's label, what is
 * wrong, and what is allowed ("Refund approval limit must be between $1.00 and $100,000.00").
 * Rules other than {@link #required} pass on empty input so that emptiness is reported once.
 */
@FunctionalInterface
public interface FieldRule {
    /** @return the problem in plain words, or empty when {@code text} passes */
    Optional<String> check(String text);

    static FieldRule required(String label) {
        return text -> blank(text) ? Optional.of(label + " is required.") : Optional.empty();
    }

    static FieldRule length(String label, int min, int max) {
        return text -> {
            if (blank(text)) {
                return Optional.empty();
            }
            int n = text.strip().length();
            if (n < min || n > max) {
                return Optional.of(label + " must be " + min + " to " + max + " characters long (it is " + n + ").");
            }
            return Optional.empty();
        };
    }

    /**
     * @param shape what the allowed values look like, to end "must be …" ("lower-case letters, digits and _,
     *              starting with a letter")
     */
    static FieldRule pattern(String label, String regex, String shape) {
        Pattern compiled = Pattern.compile(regex);
        return text -> blank(text) || compiled.matcher(text.strip()).matches()
                ? Optional.empty()
                : Optional.of(label + " must be " + shape + ".");
    }

    /** A whole number from {@code min} to {@code max}; {@code unit} names it ("hours"). */
    static FieldRule wholeNumber(String label, long min, long max, String unit) {
        return text -> {
            if (blank(text)) {
                return Optional.empty();
            }
            String s = text.strip();
            String range = "between " + min + " and " + max + " " + unit;
            if (!s.matches("-?\\d+")) {
                return Optional.of(label + " must be a whole number of " + unit + ", " + range + ".");
            }
            if (s.length() > 18 || Long.parseLong(s) < min || Long.parseLong(s) > max) {
                return Optional.of(label + " is out of range: it must be " + range + ".");
            }
            return Optional.empty();
        };
    }

    /** A number with at most {@code decimals} decimals from {@code min} to {@code max}; {@code suffix} such as " %". */
    static FieldRule decimal(String label, BigDecimal min, BigDecimal max, int decimals, String suffix) {
        return text -> {
            if (blank(text)) {
                return Optional.empty();
            }
            String s = text.strip();
            if (!suffix.isBlank() && s.endsWith(suffix.strip())) {
                s = s.substring(0, s.length() - suffix.strip().length()).strip();
            }
            String range = "between " + min.toPlainString() + suffix + " and " + max.toPlainString() + suffix;
            if (!s.matches("-?\\d+(\\.\\d*)?|-?\\.\\d+")) {
                return Optional.of(label + " must be a number " + range + ".");
            }
            BigDecimal value = new BigDecimal(s);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                return Optional.of(label + " is out of range: it must be " + range + ".");
            }
            if (value.stripTrailingZeros().scale() > decimals) {
                return Optional.of(label + " may have at most " + decimals + " decimals.");
            }
            return Optional.empty();
        };
    }

    /** An amount of money from {@code min} to {@code max}, typed like "1,234.50". */
    static FieldRule money(String label, Money min, Money max) {
        Currency currency = min.currency();
        return text -> {
            if (blank(text)) {
                return Optional.empty();
            }
            Optional<String> problem = Money.problem(text, currency);
            String range = "between " + min.display() + " and " + max.display();
            if (problem.isPresent()) {
                return Optional.of(label + " " + problem.get() + "; it must be " + range + ".");
            }
            Money value = Money.parse(text, currency);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                return Optional.of(label + " is out of range: it must be " + range + ".");
            }
            return Optional.empty();
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
