package dev.tower.staff;

import dev.tower.error.ValidationException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a staff login, name and password must look like, in one place: {@link StaffService} refuses with
 * these before any round trip, and the Staff screen shows the same sentences inline while people type.
 * The ops.* functions check it all again in the database.
 */
public final class StaffRules {
    static final Pattern LOGIN = Pattern.compile("^[a-z_][a-z0-9_]{2,62}$");
    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_NAME_LENGTH = 100;

    private StaffRules() {}

    /** Why this login cannot be used, if it cannot. */
    public static Optional<ValidationException> loginProblem(String login) {
        String clean = login == null ? "" : login.strip();
        if (!LOGIN.matcher(clean).matches()) {
            return Optional.of(new ValidationException("staff.bad_login",
                    "A login is 3 to 63 characters: lower-case letters, digits and underscores, not starting with a digit."));
        }
        if (ReservedLogins.isReserved(clean)) {
            return Optional.of(new ValidationException("staff.reserved_login", "\"" + shown(clean) + "\" is reserved; choose another login."));
        }
        return Optional.empty();
    }

    /** Input quoted back in a message: a short prefix only, as the database does. */
    static String shown(String input) {
        return input.length() > 20 ? input.substring(0, 20) + "..." : input;
    }

    public static Optional<ValidationException> nameProblem(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > MAX_NAME_LENGTH) {
            return Optional.of(new ValidationException("staff.bad_name",
                    "Give the staff member a name of 1 to " + MAX_NAME_LENGTH + " characters."));
        }
        return Optional.empty();
    }

    /** @param login the login the password is for (it must not be the password), may be null */
    public static Optional<ValidationException> passwordProblem(String login, CharSequence password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(new ValidationException("staff.weak_password",
                    "The password must be at least " + MIN_PASSWORD_LENGTH + " characters long."));
        }
        if (login != null && sameIgnoringCase(password, login.strip())) {
            return Optional.of(new ValidationException("staff.weak_password", "The password must not be the login itself."));
        }
        return Optional.empty();
    }

    /** Compares without turning the password into yet another String. */
    private static boolean sameIgnoringCase(CharSequence password, String login) {
        if (password.length() != login.length()) {
            return false;
        }
        for (int i = 0; i < login.length(); i++) {
            if (Character.toLowerCase(password.charAt(i)) != Character.toLowerCase(login.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
