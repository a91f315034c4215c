package dev.tower.setup;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `tower db setup` against a database already holding Tower: idempotent, and the first admin works. */
class ExternalSetupTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void setupIsRepeatableAndCreatesAWorkingAdmin() throws Exception {
        ExternalSetup.Result result = ExternalSetup.run(db.jdbcUrl(), "postgres", db.superuserPassword().toCharArray(),
                "ext_first_admin", "a long admin password".toCharArray());
        assertThat(result.migrationsApplied()).isZero();
        assertThat(result.adminCreated()).isTrue();
        try (Connection admin = db.connect("ext_first_admin", "a long admin password")) {
            assertThat(SqlProbe.value(admin, "SELECT pg_has_role(session_user, 'tower_admin', 'MEMBER')")).isEqualTo("t");
            assertThat(SqlProbe.value(admin, "SELECT role_group FROM staff_members WHERE login = session_user")).isEqualTo("tower_admin");
        }
    }

    @Test
    void wrongSetupPasswordIsAPlainError() {
        assertThatThrownBy(() -> ExternalSetup.run(db.jdbcUrl(), "postgres", "wrong".toCharArray(), null, null))
                .hasMessageContaining("Could not connect as postgres").hasMessageContaining("password authentication failed");
    }
}
