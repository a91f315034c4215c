package dev.tower.error;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a service, Jdbi, HikariCP or pgjdbc threw into one {@link TowerException}, mostly by
 * SQLSTATE (DESIGN.md "Connections"). The one place that knows which code means what.
 */
public final class ErrorClassifier {
    /** How database functions raise rule violations: {@code RAISE EXCEPTION 'refund_over_limit: Plain words.'}. */
    private static final Pattern CODED_MESSAGE = Pattern.compile("^([a-z][a-z0-9_.\\-]*):\\s*(.+)$", Pattern.DOTALL);

    private ErrorClassifier() {}

    public static TowerException classify(Throwable failure) {
        return classify(failure, null);
    }

    /** @param target "host:port" to name in connection errors, or null */
    public static TowerException classify(Throwable failure, String target) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TowerException typed) {
                return typed;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return fromSqlState(sql, failure, target);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return new ConnectionLostException(target, failure);
            }
        }
        return new UnexpectedException(failure);
    }

    private static TowerException fromSqlState(SQLException sql, Throwable failure, String target) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0")) {
            return new ConnectionLostException(target, failure);
        }
        return switch (state) {
            case "40001", "40P01" -> new RetryableException(failure);
            case "42501" -> AccessDeniedException.byDatabase(failure);
            // statement_timeout, or an admin cancelled a runaway statement: the transaction rolled back
            case "57014" -> new ValidationException("statement_cancelled", "The database stopped this request: it ran"
                    + " longer than the time limit, or an admin cancelled it. Nothing was changed. Try again, or narrow"
                    + " what you asked for.", failure);
            case "25006" -> new ValidationException("read_only_session", "This session is read-only (the database"
                    + " schema does not match this version of Tower), so nothing was changed.", failure);
            case "28P01" -> new SignInRefusedException(SignInRefusedException.Reason.WRONG_LOGIN_OR_PASSWORD, null, failure);
            case "28000" -> new SignInRefusedException(SignInRefusedException.Reason.LOGIN_DISABLED, null, failure);
            case "3D000" -> new SignInRefusedException(SignInRefusedException.Reason.NO_SUCH_DATABASE, null, failure);
            case "P0001" -> validation(sql, failure);
            case "P0002", "02000" -> new NotFoundException(codedText(sql, "The record"), failure);
            default -> {
                if (state.startsWith("23")) {
                    yield new ConflictException(constraint(sql), serverMessage(sql), failure);
                }
                if (state.startsWith("22")) {
                    yield new ValidationException("invalid_data", "A value has the wrong form or is out of range.", failure);
                }
                yield new UnexpectedException(failure);
            }
        };
    }

    /** Coded refusals; a code ending in {@code changed_meanwhile} or {@code already_decided} is a stale edit, so a conflict. */
    private static TowerException validation(SQLException sql, Throwable failure) {
        Matcher m = CODED_MESSAGE.matcher(serverMessage(sql));
        if (!m.matches()) {
            return new ValidationException("rule_violated", serverMessage(sql), failure);
        }
        String code = m.group(1);
        if (code.endsWith("changed_meanwhile") || code.endsWith("already_decided")) {
            return ConflictException.changedMeanwhile(code, m.group(2).strip(), failure);
        }
        return new ValidationException(code, m.group(2).strip(), failure);
    }

    private static String codedText(SQLException sql, String fallback) {
        Matcher m = CODED_MESSAGE.matcher(serverMessage(sql));
        return m.matches() ? m.group(2).strip() : fallback;
    }

    /** The server's own sentence, without pgjdbc's "ERROR: " prefix and detail lines. */
    private static String serverMessage(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        return sql.getMessage() == null ? "" : sql.getMessage();
    }

    private static String constraint(SQLException sql) {
        if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return null;
    }

    private static boolean isConnectionFailure(Throwable t) {
        return t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException
                || t instanceof SocketTimeoutException;
    }
}
