package dev.tower.error;

import java.sql.SQLException;

/**
 * The one place where failures become plain words. Every view shows errors through this, so the same
 * failure reads the same everywhere and no screen shows a raw SQLSTATE as its headline.
 */
public final class ErrorText {
    private ErrorText() {}

    public static UserMessage describe(Throwable failure) {
        TowerException typed = ErrorClassifier.classify(failure);
        return new UserMessage(title(typed), text(typed), details(failure));
    }

    private static String title(TowerException e) {
        return switch (e) {
            case AccessDeniedException a -> "Not allowed";
            case ValidationException v -> "Please check the input";
            case ConflictException c -> "Change not saved";
            case NotFoundException n -> "Not found";
            case ConnectionLostException c -> "Database unreachable";
            case RetryableException r -> "Database busy";
            case SignInRefusedException s -> "Sign-in failed";
            case UnexpectedException u -> "Something went wrong";
        };
    }

    private static String text(TowerException e) {
        return switch (e) {
            case AccessDeniedException a when a.refusedByDatabase() ->
                    "The database refused this action for your login. Ask an admin if your work needs it.";
            case AccessDeniedException a ->
                    "Your role (" + a.roleLabel() + ") does not allow you to " + a.action() + ".";
            case ValidationException v -> v.plainMessage();
            case ConflictException c when c.staleEdit() -> c.plainMessage();
            case ConflictException c ->
                    "It clashes with data that is already there (it may duplicate a record, or someone else "
                            + "changed it first). Reload and try again.";
            case NotFoundException n -> n.what() + " is not there any more; someone may have removed it.";
            case ConnectionLostException c -> c.target() == null
                    ? "Tower lost its connection to the database. Nothing was changed; try again when it is back."
                    : "Cannot reach the database at " + c.target()
                            + ". Check the address and that the database server is running.";
            case RetryableException r ->
                    "Someone else changed the same records at the same moment. Nothing was changed; please try again.";
            case SignInRefusedException s -> signIn(s);
            case UnexpectedException u ->
                    "Tower ran into a problem it did not expect. The details below help an admin find out why.";
        };
    }

    private static String signIn(SignInRefusedException s) {
        return switch (s.reason()) {
            case WRONG_LOGIN_OR_PASSWORD -> "Wrong login or password.";
            case LOGIN_DISABLED -> "This login is disabled. Ask an admin to enable it again.";
            case UNKNOWN_ROLE -> "The login " + quoted(s.login()) + " works, but it has no Tower role "
                    + "(admin, ops or analyst). Ask an admin to add it to the staff.";
            case SUPERUSER -> "Database superusers cannot sign in to Tower, because they bypass the database's "
                    + "checks. Sign in with your own staff login.";
            case NO_SUCH_DATABASE -> "The server answered, but the database named in the address does not exist.";
        };
    }

    private static String quoted(String login) {
        return login == null ? "you used" : "\u201C" + login + "\u201D";
    }

    /** Every cause with its SQLSTATE: enough to search the log, without a stack trace in people's faces. */
    static String details(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!out.isEmpty()) {
                out.append("\ncaused by ");
            }
            out.append(t.getClass().getName()).append(": ").append(t.getMessage());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" [SQLSTATE ").append(sql.getSQLState()).append(']');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }
}
