package dev.tower.error;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The classifier on what real PostgreSQL actually sends, not on hand-made exceptions. */
class ErrorClassifierDatabaseTest {
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.get();
    }

    private static TowerException failureOf(Connection c, String sql) {
        Throwable thrown = catchThrowable(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        assertThat(thrown).as(sql).isInstanceOf(SQLException.class);
        return ErrorClassifier.classify(thrown);
    }

    @Test
    void codedRaiseFromAFunctionBecomesValidation() throws SQLException {
        try (Connection c = db.connectAsDemo("demo_ops")) {
            TowerException e = failureOf(c,
                    "DO $$ BEGIN RAISE EXCEPTION 'refund_over_limit: Refunds above the limit need an admin.'; END $$");
            assertThat(e).isInstanceOfSatisfying(ValidationException.class, v -> {
                assertThat(v.code()).isEqualTo("refund_over_limit");
                assertThat(ErrorText.describe(v).text()).isEqualTo("Refunds above the limit need an admin.");
            });
        }
    }

    @Test
    void missingPrivilegeIsAccessDenied() throws SQLException {
        try (Connection c = db.connectAsDemo("demo_analyst")) {
            assertThat(failureOf(c, "CREATE TABLE public.analyst_was_here (i int)"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void uniqueViolationIsAConflictNamingTheConstraint() throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE conflict_probe (k int CONSTRAINT conflict_probe_pk PRIMARY KEY)");
            s.execute("INSERT INTO conflict_probe VALUES (1)");
            assertThat(failureOf(c, "INSERT INTO conflict_probe VALUES (1)"))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.constraint()).isEqualTo("conflict_probe_pk"));
        }
    }

    @Test
    void aTerminatedBackendIsConnectionLost() throws SQLException {
        try (Connection c = db.connectAsDemo("demo_ops")) {
            assertThat(failureOf(c, "SELECT pg_terminate_backend(pg_backend_pid())"))
                    .isInstanceOf(ConnectionLostException.class);
        }
    }
}
