package dev.tower.db;

import dev.tower.testing.FakePostgresServer;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6 item 3: a {@code postmaster.pid} naming a live process and a port where some other program
 * answers. Tower used to attach and hand the superuser password to whatever asked; now it proves the
 * server is its cluster over SCRAM first, and the squatter gets no password, in clear or MD5.
 */
class StalePostmasterPidTest {
    static final String SECRET = "superuser-secret-only-tower-knows";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "server asks for auth code {0}")
    @ValueSource(ints = {FakePostgresServer.CLEARTEXT, FakePostgresServer.MD5})
    void aProgramOnTheStalePidsPortNeverReceivesThePassword(int authCode) throws Exception {
        Path home = PrivateFiles.directory(tmp.resolve("tower"));
        try (FakePostgresServer squatter = FakePostgresServer.start(authCode)) {
            writeInstallation(home, squatter.port(), SECRET, ProcessHandle.current().pid());

            assertThatThrownBy(() -> EmbeddedDatabase.start(home, 0))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("not as Tower's embedded database")
                    .hasMessageContaining("sent it no password");

            assertThat(squatter.authRequests()).as("the squatter was asked to authenticate").isPositive();
            assertThat(squatter.received()).contains("postgres").doesNotContain(SECRET);
        }
    }

    @Test
    void aSecondStartAttachesToTheRunningClusterAfterItProvedItIsOurs() {
        TestDatabase running = TestDatabase.get();
        try (EmbeddedDatabase second = EmbeddedDatabase.start(running.home(), 0)) {
            assertThat(second.attached()).isTrue();
            assertThat(second.port()).isEqualTo(running.port());
        }
    }

    @Test
    void anotherClusterOnThePortIsNotTakenForOurs() throws Exception {
        // the running test cluster answers on the port, with the right password, but it serves another data folder
        TestDatabase running = TestDatabase.get();
        Path home = PrivateFiles.directory(tmp.resolve("other"));
        writeInstallation(home, running.port(), running.superuserPassword(), ProcessHandle.current().pid());

        assertThatThrownBy(() -> EmbeddedDatabase.start(home, 0))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("not by Tower's database in " + home.resolve(EmbeddedDatabase.DATA_DIRECTORY));
    }

    /** An installation whose saved port is {@code port} and whose pid file names {@code pid} on that port. */
    static void writeInstallation(Path home, int port, String password, long pid) throws Exception {
        Properties props = new Properties();
        props.setProperty("port", Integer.toString(port));
        props.setProperty("superuser.password", password);
        var text = new java.io.StringWriter();
        props.store(text, null);
        PrivateFiles.write(home.resolve("embedded.properties"), text.toString());
        Path dataDir = PrivateFiles.directory(home.resolve(EmbeddedDatabase.DATA_DIRECTORY));
        Files.write(dataDir.resolve("postmaster.pid"), List.of(Long.toString(pid), dataDir.toString(),
                "1764670000", Integer.toString(port), "/tmp", "localhost", "  1234567   7", "ready   "));
    }
}
