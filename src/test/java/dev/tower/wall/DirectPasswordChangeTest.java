package dev.tower.wall;

import dev.tower.demo.DemoLogins;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 7: a staff member may skip Tower's ops.change_own_password and run
 * {@code ALTER ROLE self PASSWORD ...} through psql. The embedded server loads passwordcheck, so a weak
 * plain-text password is refused there too, and the old password keeps working.
 */
class DirectPasswordChangeTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void theEmbeddedServerLoadsPasswordcheck() throws Exception {
        // only the superuser (or pg_read_all_settings) may examine this setting
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(su, "SHOW shared_preload_libraries")).contains("passwordcheck");
        }
    }

    @Test
    void aWeakPlainTextPasswordSetDirectlyIsRefusedAndTheOldOneStillWorks() throws Exception {
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, "ALTER ROLE demo_ops PASSWORD 'abc'")).contains("password is too short");
            assertThat(SqlProbe.messageOf(ops, "ALTER ROLE demo_ops PASSWORD 'my-demo_ops-1'"))
                    .contains("password must not contain user name");
            assertThat(SqlProbe.messageOf(ops, "ALTER ROLE demo_ops PASSWORD 'onlyletters'"))
                    .contains("password must contain both letters and nonletters");
        }
        try (Connection again = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(again, "SELECT session_user")).isEqualTo("demo_ops");
        }
    }

    @Test
    void evenTheSuperuserCannotSetTheDemoPasswordInPlainText() throws Exception {
        // why DemoLogins and every fixture send a SCRAM verifier instead
        try (Connection su = db.superuser().getConnection()) {
            assertThat(SqlProbe.messageOf(su, "ALTER ROLE demo_analyst PASSWORD '" + DemoLogins.PASSWORD + "'"))
                    .contains("password is too short");
        }
        try (Connection analyst = db.connectAsDemo("demo_analyst")) {
            assertThat(SqlProbe.value(analyst, "SELECT session_user")).isEqualTo("demo_analyst");
        }
    }
}
