package dev.tower.error;

import com.zaxxer.hikari.pool.HikariPool;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTest {
    private static SQLException state(String sqlState) {
        return new SQLException("server said no", sqlState);
    }

    /** A pgjdbc exception as the server sends it: severity, code, message and constraint fields. */
    private static PSQLException server(String sqlState, String message, String constraint) {
        String fields = "SERROR\0C" + sqlState + "\0M" + message + "\0" + (constraint == null ? "" : "n" + constraint + "\0");
        return new PSQLException(new ServerErrorMessage(fields));
    }

    @Test
    void connectionClassAndServerShutdownAreConnectionLost() {
        for (String s : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03"}) {
            assertThat(ErrorClassifier.classify(state(s))).as(s).isInstanceOf(ConnectionLostException.class);
        }
    }

    @Test
    void serializationFailureAndDeadlockAreRetryable() {
        assertThat(ErrorClassifier.classify(state("40001"))).isInstanceOf(RetryableException.class);
        assertThat(ErrorClassifier.classify(state("40P01"))).isInstanceOf(RetryableException.class);
    }

    @Test
    void insufficientPrivilegeIsAccessDeniedByTheDatabase() {
        TowerException e = ErrorClassifier.classify(state("42501"));
        assertThat(e).isInstanceOfSatisfying(AccessDeniedException.class, a -> assertThat(a.refusedByDatabase()).isTrue());
    }

    @Test
    void constraintViolationsAreConflictsNamingTheConstraint() {
        TowerException e = ErrorClassifier.classify(server("23505", "duplicate key value", "refunds_idempotency_key_key"));
        assertThat(e).isInstanceOfSatisfying(ConflictException.class,
                c -> assertThat(c.constraint()).isEqualTo("refunds_idempotency_key_key"));
        assertThat(ErrorClassifier.classify(state("23514"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void badLoginsAreSignInRefusals() {
        assertThat(ErrorClassifier.classify(state("28P01"))).isInstanceOfSatisfying(SignInRefusedException.class,
                s -> assertThat(s.reason()).isEqualTo(SignInRefusedException.Reason.WRONG_LOGIN_OR_PASSWORD));
        assertThat(ErrorClassifier.classify(state("28000"))).isInstanceOfSatisfying(SignInRefusedException.class,
                s -> assertThat(s.reason()).isEqualTo(SignInRefusedException.Reason.LOGIN_DISABLED));
    }

    @Test
    void codedRaiseIsValidationWithCodeAndPlainText() {
        TowerException e = ErrorClassifier.classify(server("P0001", "refund_over_limit: Refunds above $200 need an admin.", null));
        assertThat(e).isInstanceOfSatisfying(ValidationException.class, v -> {
            assertThat(v.code()).isEqualTo("refund_over_limit");
            assertThat(v.plainMessage()).isEqualTo("Refunds above $200 need an admin.");
        });
        TowerException uncoded = ErrorClassifier.classify(server("P0001", "Something is off", null));
        assertThat(uncoded).isInstanceOfSatisfying(ValidationException.class, v -> {
            assertThat(v.code()).isEqualTo("rule_violated");
            assertThat(v.plainMessage()).isEqualTo("Something is off");
        });
    }

    @Test
    void findsTheSqlStateThroughJdbiAndHikariWrappers() {
        var jdbi = new UnableToExecuteStatementException(state("40001"), null);
        assertThat(ErrorClassifier.classify(jdbi)).isInstanceOf(RetryableException.class);
        var hikari = new HikariPool.PoolInitializationException(state("28P01"));
        assertThat(ErrorClassifier.classify(hikari)).isInstanceOf(SignInRefusedException.class);
    }

    @Test
    void poolTimeoutsAndSocketErrorsWithoutStateAreConnectionLost() {
        assertThat(ErrorClassifier.classify(new SQLTransientConnectionException("pool timed out")))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(ErrorClassifier.classify(new RuntimeException(new ConnectException("refused")), "db:5432"))
                .isInstanceOfSatisfying(ConnectionLostException.class, c -> assertThat(c.target()).isEqualTo("db:5432"));
    }

    @Test
    void typedFailuresPassThroughAndTheRestIsUnexpected() {
        NotFoundException missing = new NotFoundException("Booking SKY-1");
        assertThat(ErrorClassifier.classify(new RuntimeException(missing))).isSameAs(missing);
        assertThat(ErrorClassifier.classify(new IllegalStateException("bug"))).isInstanceOf(UnexpectedException.class);
        assertThat(ErrorClassifier.classify(state("42P01"))).isInstanceOf(UnexpectedException.class);
    }

    @Test
    void retryRunsAgainOnlyForConcurrentChangesAndOnlySoOften() {
        int[] calls = {0};
        String result = Retry.onConcurrentChange(3, () -> {
            if (++calls[0] < 3) {
                throw new UnableToExecuteStatementException(state("40001"), null);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls[0]).isEqualTo(3);

        calls[0] = 0;
        try {
            Retry.onConcurrentChange(2, () -> {
                calls[0]++;
                throw new UnableToExecuteStatementException(state("40P01"), null);
            });
        } catch (RetryableException expected) {
            assertThat(calls[0]).isEqualTo(2);
        }
        calls[0] = 0;
        try {
            Retry.onConcurrentChange(5, () -> {
                calls[0]++;
                throw new UnableToExecuteStatementException(state("23505"), null);
            });
        } catch (ConflictException expected) {
            assertThat(calls[0]).isEqualTo(1);
        }
    }
}
